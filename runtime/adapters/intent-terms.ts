import { normalizeText } from '../core/normalize-text.ts';
import { SUPPORT_LEXICON } from './intent-lexicon.ts';

/**
 * Words that say nothing about what a customer wants, in Spanish and Portuguese
 * (already without accents): articles, pronouns, prepositions, fillers, greetings.
 */
const STOPWORDS = new Set(`
a al algo ante aqui aca ai alla as asi ao aos cada como con contigo cual qual cuando quando da das de del desde do dos donde onde
e el ela ele ellos em en entre era es esa ese eso esta este esto estoy eu fue ha hay isso ja la las le les lhe lo los me mi mis
mismo mesmo na nas nem ni nos nosotros o os otra otro outra outro para pela pelo pero por porque pra pro q que quien quem se ser
seu sobre su sus ta te ti to tu tus um uma un una uno unos unas vez veces vezes voce voces vos y ya yo
estou estan estao tengo tiene tenho tem hace faz puedo puede posso pode muy muito mucho poco pouco poca todo toda todos
hoy hoje ahora agora ayer ontem siempre sempre tambien tambem
hola ola oi buen buena buenas buenos bom boa dia dias tarde tardes noite gracias obrigado obrigada porfa favor che eae blz
`.trim().split(/\s+/));

/**
 * Suffixes stripped by the light stemmer, longest first. Inflection (plural,
 * gender, common verb endings, -cion/-cao, -mente, diminutives, superlatives)
 * so that "cobraron", "cobro" and "cobrado" meet at "cobr".
 */
const SUFFIXES = [
  'aciones', 'iciones', 'amente', 'isimas', 'isimos', 'iendo', 'aron', 'ieron', 'acion', 'icion', 'mente', 'isima', 'isimo',
  'ciones', 'iones', 'coes', 'cion', 'cao', 'ion', 'oes', 'aes', 'ao', 'ando', 'endo', 'indo', 'aram', 'eram', 'iram', 'amos', 'emos', 'imos',
  'ados', 'adas', 'idos', 'idas', 'itos', 'itas', 'ado', 'ada', 'ido', 'ida', 'aba', 'ava', 'ito', 'ita',
  'ar', 'er', 'ir', 'as', 'es', 'os', 'is', 'a', 'e', 'i', 'o', 's',
];

/** The shortest stem left after stripping: shorter words keep their form. */
const MIN_STEM = 3;

/**
 * A tiny Spanish/Portuguese suffix stripper (no dictionary): one suffix off the
 * end, the longest that leaves at least three letters. Good enough to make
 * inflected forms meet; typos are left to the fuzzy match.
 * @example stem('lentisimo') // 'lent'
 * @example stem('facturas') // 'factur'
 */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Each lexicon word's stem → its concept, written `@concept` so it never clashes with a stem. */
export const CONCEPTS = new Map<string, string>(
  Object.entries(SUPPORT_LEXICON).flatMap(([concept, words]) => words.map((word) => [stem(word), `@${concept}`] as [string, string])),
);

/** One meaningful word of a message: its folded form and its stem. */
export interface Term {
  word: string;
  /** What the word is matched by: its lexicon concept, or else its stem. */
  stem: string;
  /** The plain stem, for typo-tolerant matching. */
  root: string;
}

/**
 * The meaningful words of a text: folded (case, accents, punctuation), without
 * stopwords or bare numbers, each with its stem (or its lexicon concept).
 * @example terms('¡No anda Internet!') // [{ word: 'no', stem: 'no', root: 'no' }, { word: 'anda', stem: 'and', root: 'and' }, { word: 'internet', stem: '@connection', root: 'internet' }]
 */
export function terms(text: string): Term[] {
  return normalizeText(text)
    // Drawn-out letters ("lentaaa") count once.
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .split(' ')
    .filter((word) => word !== '' && !STOPWORDS.has(word) && !/^\d+$/.test(word))
    .map((word) => {
      const root = stem(word);
      return { word, stem: CONCEPTS.get(root) ?? root, root };
    });
}
