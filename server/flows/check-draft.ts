import { flowValidators, type FlowDocument } from '../../schema/index.ts';

/** One finding about a document, as validateFlow reports it (flow-format.md, "Problems"). */
export interface Problem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  pointer: string;
}

export type DraftCheck =
  | { schemaValid: true; document: FlowDocument; problems: Problem[] }
  | { schemaValid: false; problems: Problem[] };

/**
 * Whether a document may be stored as a draft (it follows the JSON Schema) and every problem it
 * has. Graph problems (dead ends while building) do not stop a draft from being saved; any
 * `error` problem stops it from being published.
 */
export function checkDraft(document: unknown): DraftCheck {
  const { fast, full } = flowValidators();
  if (fast(document)) return { schemaValid: true, document, problems: [] };
  full(document);
  const problems = (full.errors ?? []).map((error): Problem => ({
    severity: 'error', code: 'schema', message: `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
    pointer: error.instancePath,
  }));
  return { schemaValid: false, problems };
}

/** Whether any problem blocks publishing. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
