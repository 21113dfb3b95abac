import { isApiError } from '../api/api-error.ts';

/**
 * One line for an API failure: the server's message, plus the first problems when it sent
 * `{ problems }` (a 422 on create, import or publish).
 */
export function problemSummary(error: unknown, shown = 3): string {
  if (!(error instanceof Error)) return String(error);
  const problems = isApiError(error) && Array.isArray(error.details.problems) ? error.details.problems as Array<{ message?: string; pointer?: string }> : [];
  if (problems.length === 0) return error.message;
  const listed = problems.slice(0, shown).map((problem) => `${problem.pointer ?? ''} ${problem.message ?? ''}`.trim());
  const more = problems.length > shown ? ` (+${problems.length - shown})` : '';
  return `${error.message}: ${listed.join('; ')}${more}`;
}
