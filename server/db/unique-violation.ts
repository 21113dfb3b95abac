/**
 * Whether a write failed on a unique index (SQLite's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's 23505), however
 * the driver or drizzle wrapped it: two requests raced to create the same row.
 * @example if (isUniqueViolation(error)) return retry();
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; typeof cause === 'object' && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    const { code } = cause as { code?: unknown };
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505') return true;
  }
  return false;
}
