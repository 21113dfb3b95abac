import { HOSTILE_PATTERNS, HOSTILE_TEXT } from '../testing/hostile-patterns.ts';
import { compiledPatternCount } from '../../schema/index.ts';
import { compileSafePattern, matchesSafely } from './safe-regex.ts';

describe('matchesSafely (RE2, linear time)', () => {
  it.each(HOSTILE_PATTERNS)('matches a 1,000-character hostile message against %s, with JavaScript\'s answer', (pattern) => {
    expect(HOSTILE_TEXT).toHaveLength(1000);
    // The answer JavaScript would give on a text short enough for it to finish.
    const short = `${'a'.repeat(12)}!`;
    expect(matchesSafely(pattern, short)).toBe(new RegExp(pattern).test(short));
    expect(matchesSafely(pattern, HOSTILE_TEXT)).toBe(new RegExp(pattern).test(short));
  });

  it('keeps JavaScript syntax: classes, named groups, unicode properties, anchors', () => {
    expect(matchesSafely('^\\d{7,8}$', '30123456')).toBe(true);
    expect(matchesSafely('^(?<letras>[A-Z]{3}) ?\\d{3}$', 'ABC 123')).toBe(true);
    expect(matchesSafely('^\\p{L}+$', 'Muñoz 2')).toBe(false);
    expect(matchesSafely('^\\p{L}+$', 'Ñandú')).toBe(true);
    expect(matchesSafely('hola', 'ay hola che')).toBe(true);
  });

  it('refuses what RE2 cannot run instead of approximating it: backreferences and lookaround never match', () => {
    for (const pattern of ['(a)\\1', '(?<n>a)\\k<n>', 'a(?=b)', 'a(?!b)', '(?<=a)b', '(?<!a)b']) {
      expect(compileSafePattern(pattern)).toBeNull();
    }
    expect(matchesSafely('(?<n>a)\\k<n>', 'ak<n>')).toBe(false);
    expect(matchesSafely('[(?=]', '(')).toBe(true);
  });

  it('caps the pattern, its compiled size and the text', () => {
    expect(compileSafePattern(`^${'a'.repeat(300)}$`)).toBeNull();
    expect(compileSafePattern('^(0|1|2|3|4|5|6|7|8|9){7,250}$')).toBeNull();
    expect(matchesSafely('a', 'a'.repeat(1001))).toBe(false);
  });

  it('keeps a bounded cache of compiled patterns however many distinct ones arrive', () => {
    for (let index = 0; index < 700; index++) matchesSafely(`^pedido-${index}$`, `pedido-${index}`);
    expect(compiledPatternCount()).toBeLessThanOrEqual(500);
  });
});
