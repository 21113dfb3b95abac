import { LRUCache } from 'lru-cache';
import { RE2JS } from 're2js';

/**
 * Limits on the regular expressions flows use (question patterns, condition `matches`), which run
 * on customer text: RE2 (re2js) matches in time linear in the text, and these bound the other factor.
 * Documented in docs/security.md.
 */
export const REGEX_LIMITS = {
  /** Characters in a pattern. Real ones (ids, plates, e-mails) are far shorter. */
  patternLength: 256,
  /** Instructions of the compiled program: counted repetition (`(a|b|…){1,99}`) grows it with no long text. */
  programSize: 300,
  /** Characters of text matched at all; longer text does not match. */
  inputLength: 1000,
} as const;

export type LinearPattern =
  | { ok: true; regex: RE2JS }
  | { ok: false; problem: 'unsupported'; feature: string }
  | { ok: false; problem: 'too_complex' }
  | { ok: false; problem: 'invalid'; reason: string };

/**
 * Compiles a pattern written in JavaScript syntax for RE2, which never backtracks. Patterns RE2
 * cannot run (backreferences, lookaround) are refused, not approximated: re2js would read `\k<n>`
 * as the letters `k<n>`.
 * @example compileLinearPattern('^\\d{7,8}$') // { ok: true, regex }
 * @example compileLinearPattern('(a)\\1') // { ok: false, problem: 'unsupported', feature: '\\1' }
 */
export function compileLinearPattern(pattern: string): LinearPattern {
  let compiled = compiledPatterns.get(pattern);
  if (compiled === undefined) {
    compiled = compileUncached(pattern);
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

/**
 * Patterns come from flow documents and, through templates, from customers: one bounded cache,
 * shared by validation (a big flow repeats a pattern on many nodes) and matching at run time.
 */
const compiledPatterns = new LRUCache<string, LinearPattern>({ max: 500 });

/** How many compiled patterns are kept (tests check the bound). */
export function compiledPatternCount(): number {
  return compiledPatterns.size;
}

function compileUncached(pattern: string): LinearPattern {
  if (pattern.length > REGEX_LIMITS.patternLength) return { ok: false, problem: 'too_complex' };
  const feature = unsupportedFeature(pattern);
  if (feature !== undefined) return { ok: false, problem: 'unsupported', feature };
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    // RE2 caps counted repetition at 1000; anything else is syntax RE2 does not share with JavaScript.
    return reason.startsWith('invalid repeat count') ? { ok: false, problem: 'too_complex' } : { ok: false, problem: 'invalid', reason };
  }
  return programSize(regex) > REGEX_LIMITS.programSize ? { ok: false, problem: 'too_complex' } : { ok: true, regex };
}

/** The first backreference or lookaround in the pattern (outside character classes), as written. */
function unsupportedFeature(pattern: string): string | undefined {
  let inClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      const next = pattern[index + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `\\${next}`;
      if (!inClass && next === 'k' && pattern[index + 2] === '<') return '\\k<…>';
      index++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      const lookaround = /^\(\?(?:=|!|<=|<!)/.exec(pattern.slice(index, index + 4))?.[0];
      if (lookaround !== undefined) return lookaround;
    }
  }
  return undefined;
}

function programSize(regex: RE2JS): number {
  return (regex.re2().prog as { numInst(): number }).numInst();
}
