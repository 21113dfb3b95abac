import type { RE2JS } from 're2js';
import { compileLinearPattern, REGEX_LIMITS } from '../../schema/index.ts';

/**
 * The pattern compiled for RE2 (linear time, never backtracks), or null when it is invalid,
 * too long or complex, or uses what RE2 cannot run (backreferences, lookaround).
 * @example compileSafePattern('^\\d{7,8}$')?.test('30123456') // true
 * @example compileSafePattern('(a)\\1') // null
 */
export function compileSafePattern(pattern: string): RE2JS | null {
  const compiled = compileLinearPattern(pattern);
  return compiled.ok ? compiled.regex : null;
}

/**
 * Whether `text` matches `pattern` anywhere (as RegExp.test does); false for an unusable pattern
 * or a text over REGEX_LIMITS.inputLength characters.
 * @example matchesSafely('^[A-Z]{3}$', 'ABC') // true
 */
export function matchesSafely(pattern: string, text: string): boolean {
  if (text.length > REGEX_LIMITS.inputLength) return false;
  return compileSafePattern(pattern)?.test(text) ?? false;
}
