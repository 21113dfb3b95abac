import type { Problem } from '../../schema/index.ts';

export interface ProblemMark {
  severity: Problem['severity'];
  messages: string[];
}

export interface ProblemIndex {
  nodes: Map<string, ProblemMark>;
  edges: Map<string, ProblemMark>;
}

const cache = new WeakMap<readonly Problem[], ProblemIndex>();

function mark(map: Map<string, ProblemMark>, id: string, problem: Problem) {
  const current = map.get(id);
  if (!current) map.set(id, { severity: problem.severity, messages: [problem.message] });
  else {
    current.messages.push(problem.message);
    if (problem.severity === 'error') current.severity = 'error';
  }
}

/**
 * The problems grouped by node and by edge, built once per problem list so that a thousand
 * node cards each find their badge without scanning every problem.
 */
export function problemIndex(problems: readonly Problem[]): ProblemIndex {
  let index = cache.get(problems);
  if (!index) {
    index = { nodes: new Map(), edges: new Map() };
    for (const problem of problems) {
      if (problem.edgeId !== undefined) mark(index.edges, problem.edgeId, problem);
      else if (problem.nodeId !== undefined) mark(index.nodes, problem.nodeId, problem);
    }
    cache.set(problems, index);
  }
  return index;
}

/** A mark as primitives (messages joined by new lines), for selectors compared shallowly. */
export function markSnapshot(mark: ProblemMark | undefined): { severity: ProblemMark['severity'] | null; messages: string } {
  return { severity: mark?.severity ?? null, messages: mark?.messages.join('\n') ?? '' };
}
