import { problemMessage, problemSeverity, type ProblemCode, type ProblemLocale, type ProblemParams } from '../problems.ts';

/** One problem in a flow document (docs/flow-format.md, "Problems found before publishing"). */
export interface Problem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** JSON pointer to the field, e.g. `/nodes/3/data/options/1/title`. */
  pointer: string;
}

/** Where a problem is: the pointer, and the node or edge it belongs to. */
export interface ProblemPlace {
  pointer: string;
  nodeId?: string;
  edgeId?: string;
}

/**
 * A problem without words: its code, place and parameters. JSON as it is, so a server can store it
 * and write its message in any locale later (`renderProblems`).
 */
export interface FoundProblem extends ProblemPlace {
  code: ProblemCode;
  params: ProblemParams;
}

/** The problems' messages in one locale, in the order found. */
export function renderProblems(found: readonly FoundProblem[], locale: ProblemLocale): Problem[] {
  return found.map(({ code, params, pointer, nodeId, edgeId }) => ({
    severity: problemSeverity(code),
    code,
    message: problemMessage(code, params, locale),
    ...(nodeId === undefined ? {} : { nodeId }),
    ...(edgeId === undefined ? {} : { edgeId }),
    pointer,
  }));
}

/**
 * Collects problems without words; `render` writes the messages in one locale at the end,
 * so every check stays locale-free.
 */
export class ProblemList {
  private readonly found: FoundProblem[] = [];

  add(code: ProblemCode, place: ProblemPlace, params: ProblemParams = {}): void {
    this.found.push({ code, params, ...place });
  }

  get size(): number {
    return this.found.length;
  }

  /** The problems without words, in the order found. */
  entries(): readonly FoundProblem[] {
    return this.found;
  }
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}
