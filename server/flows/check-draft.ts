import { AppError } from '../errors.ts';
import { flowLimitBreach, flowValidators, migrateFlow, validateFlow, type FlowDocument, type Problem, type ProblemLocale } from '../../schema/index.ts';

export type { Problem };

export type DraftCheck =
  | { schemaValid: true; document: FlowDocument; problems: Problem[] }
  | { schemaValid: false; problems: Problem[] };

/**
 * Whether a document may be stored as a draft (it follows the JSON Schema, after migrating an
 * older format version) and every problem it has. Graph problems (dead ends while building) do
 * not stop a draft from being saved; any `error` problem stops it from being published.
 * @example const check = checkDraft(body, 'es'); if (!check.schemaValid) reply422(check.problems);
 */
export function checkDraft(document: unknown, locale: ProblemLocale = 'es'): DraftCheck {
  const migrated = isRecord(document) ? migrateFlow(document) : undefined;
  const { problems } = validateFlow(migrated ?? document, { locale });
  if (migrated && flowValidators().fast(migrated)) return { schemaValid: true, document: migrated, problems };
  return { schemaValid: false, problems };
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
