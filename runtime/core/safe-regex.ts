import safeRegex from 'safe-regex2';

/** Longer inputs are not matched at all: a bound on the work one user message can cause. */
export const MAX_MATCHED_LENGTH = 1000;

// Patterns come from flow documents: compile each once. null = invalid or unsafe.
const compiled = new Map<string, RegExp | null>();

/**
 * The pattern as a RegExp, or null when it does not compile or could backtrack
 * catastrophically (nested quantifiers such as `(a+)+`, judged by safe-regex2).
 * @example compileSafePattern('^\\d{7,8}$')?.test('30123456') // true
 * @example compileSafePattern('(a+)+$') // null
 */
export function compileSafePattern(pattern: string): RegExp | null {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = compile(pattern);
    compiled.set(pattern, regex);
  }
  return regex;
}

function compile(pattern: string): RegExp | null {
  try {
    const regex = new RegExp(pattern);
    return safeRegex(regex) ? regex : null;
  } catch {
    return null;
  }
}

/**
 * Whether `text` matches `pattern`; false for an unusable pattern or an over-long text.
 * @example matchesSafely('^[A-Z]{3}$', 'ABC') // true
 */
export function matchesSafely(pattern: string, text: string): boolean {
  if (text.length > MAX_MATCHED_LENGTH) return false;
  return compileSafePattern(pattern)?.test(text) ?? false;
}
