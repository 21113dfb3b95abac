import { AppError } from '../errors.ts';
import { findFlowProblems, flowLimitBreach, flowValidators, migrateFlow, type FlowDocument, type FoundProblem } from '../../schema/index.ts';

export type DraftCheck =
  | { schemaValid: true; document: FlowDocument; found: readonly FoundProblem[] }
  | { schemaValid: false; found: readonly FoundProblem[] };

/**
 * Whether a document may be stored as a draft (it follows the JSON Schema, after migrating an
 * older format version) and every problem it has, without words (`renderProblems` writes them in
 * the reader's language). Graph problems (dead ends while building) do not stop a draft from being
 * saved; any `error` problem stops it from being published.
 * @example const check = checkDraft(body); if (!check.schemaValid) reply422(renderProblems(check.found, 'es'));
 */
export function checkDraft(document: unknown): DraftCheck {
  const migrated = isRecord(document) ? migrateFlow(document) : undefined;
  const found = findFlowProblems(migrated ?? document);
  if (migrated && flowValidators().fast(migrated)) return { schemaValid: true, document: migrated, found };
  return { schemaValid: false, found };
}

/**
 * Refuses a document over the flow limits (depth, node count, size) with its coded error, before
 * anything walks it recursively: run it on every document that comes from outside.
 */
export function requireWithinFlowLimits(document: unknown): void {
  const breach = flowLimitBreach(document);
  if (breach !== undefined) {
    const { code, message, ...details } = breach;
    throw new AppError(code, message, details);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
