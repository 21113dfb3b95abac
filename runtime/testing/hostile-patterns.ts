/** Patterns that backtrack exponentially in JavaScript's own engine (issue 10, finding 2). */
export const HOSTILE_PATTERNS = ['^([a-z0-9]|[a-z])*@$', '(a|a)*$', '(a|aa)*$', '^(\\w|\\d)*$'] as const;

/** A customer text of 1,000 characters that makes those patterns try every split of the a's. */
export const HOSTILE_TEXT = `${'a'.repeat(999)}!`;
