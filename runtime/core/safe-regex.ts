import { LRUCache } from 'lru-cache';
import type { RE2JS } from 're2js';
import { compileLinearPattern, REGEX_LIMITS } from '../../schema/index.ts';

/** Patterns come from flow documents and, through templates, from customers: a bounded cache. */
const COMPILED_CACHE_SIZE = 500;
/** The cache holds values, not undefined: a pattern RE2 cannot run is remembered as this. */
const UNUSABLE = false;
const compiled = new LRUCache<string, RE2JS | typeof UNUSABLE>({ max: COMPILED_CACHE_SIZE });

/**
 * The pattern compiled for RE2 (linear time, never backtracks), or null when it is invalid,
 * too long or complex, or uses what RE2 cannot run (backreferences, lookaround).
 * @example compileSafePattern('^\\d{7,8}$')?.test('30123456') // true
 * @example compileSafePattern('(a)\\1') // null
 */
export function compileSafePattern(pattern: string): RE2JS | null {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    const result = compileLinearPattern(pattern);
    regex = result.ok ? result.regex : UNUSABLE;
    compiled.set(pattern, regex);
  }
  return regex === UNUSABLE ? null : regex;
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

/** How many compiled patterns are kept (tests check the bound). */
export function compiledPatternCount(): number {
  return compiled.size;
}
