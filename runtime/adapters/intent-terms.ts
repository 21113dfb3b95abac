import { normalizeText } from '../core/normalize-text.ts';
import { expandChatSpeak } from './intent-chat-speak.ts';
import { rewriteIdioms } from './intent-idioms.ts';
import { SUPPORT_LEXICON } from './intent-lexicon.ts';
import { phoneticKey } from './intent-phonetic.ts';
import { STOPWORDS } from './intent-stopwords.ts';

/**
 * Endings stripped by the light stemmer, written as sound keys (see
 * intent-phonetic.ts: -ción is "sion", -ção "sao", -eza "esa"): inflection of
 * Spanish and Portuguese alike (plural, gender, the common verb tenses of both,
 * -ción/-ção, -miento/-mento, -idad/-idade, -eza, -mente, diminutives,
 * superlatives), so that "cobraron", "cobro" and "cobrado" meet at "kobr", and
 * "pagamento" meets "pago". Longest first.
 */
const SUFFIXES = [
  'asiones', 'isiones', 'amiento', 'imiento', 'amente', 'isimas', 'isimos', 'iendo', 'aron', 'ieron', 'asion', 'ision', 'mente', 'isima', 'isimo',
  'siones', 'iones', 'soes', 'sion', 'sao', 'ion', 'oes', 'aes', 'ao', 'ando', 'endo', 'indo', 'aram', 'eram', 'iram', 'amos', 'emos', 'imos',
  'amento', 'imento', 'idades', 'idade', 'idad', 'itud', 'esa', 'ansa', 'ansia', 'ensia', 'esito', 'esita', 'inho', 'inha', 'sinho',
  'ados', 'adas', 'idos', 'idas', 'itos', 'itas', 'ado', 'ada', 'ido', 'ida', 'aba', 'aban', 'abam', 'ian', 'ia', 'ito', 'ita',
  'aste', 'iste', 'eando', 'eado', 'eada', 'eaba', 'ear', 'ean', 'eas', 'ea', 'eo', 'ou', 'ei', 'iu', 'eu', 'an', 'en', 'am', 'em',
  'ar', 'er', 'ir', 'as', 'es', 'os', 'is', 'a', 'e', 'i', 'o', 's',
].sort((a, b) => b.length - a.length);

/** The shortest stem left after stripping: shorter words keep their form. */
const MIN_STEM = 3;

/**
 * A pronoun glued to a verb ("pasame", "llamenme", "conectarme", "llamarlos", "cambiarla", "enviandolo"):
 * dropped before the ending. "me" also after an imperative; the others only after an infinitive or gerund.
 */
const ENCLITIC = /^(.{3,}(?:[aei]r?|[ae]n))me$|^(.{3,}(?:[aei]r|ndo))(?:nos|los|las|lo|la|les|le|te|se)$/;

/**
 * A tiny Spanish/Portuguese stemmer (no dictionary, no language guess: the
 * message's language is unknown and both share most endings): a glued pronoun,
 * then one ending off the end, the longest that leaves at least three letters.
 * Works on sound keys (see intent-phonetic.ts); typos are left to the fuzzy match.
 * @example stem(phoneticKey('lentisimo')) // 'lent'
 * @example stem(phoneticKey('pagamento')) // 'pag'
 */
export function stem(word: string): string {
  const glued = ENCLITIC.exec(word);
  const base = glued?.[1] ?? glued?.[2] ?? word;
  for (const suffix of SUFFIXES) {
    if (base.length - suffix.length >= MIN_STEM && base.endsWith(suffix)) return base.slice(0, -suffix.length);
  }
  return base;
}

/** A plain word's key: its sound, stemmed. */
const rootOf = (word: string) => stem(phoneticKey(word));

/** Each lexicon word's key → its concept, written `@concept` so it never clashes with a stem. */
export const CONCEPTS = new Map<string, string>(
  Object.entries(SUPPORT_LEXICON).flatMap(([concept, words]) => words.map((word) => [rootOf(word), `@${concept}`] as [string, string])),
);

/** One meaningful word of a message. */
export interface Term {
  /** Its sound key (see intent-phonetic.ts). */
  word: string;
  /** What the word is matched by: its lexicon concept, or else its root. */
  stem: string;
  /** The stemmed sound key, for typo-tolerant matching. */
  root: string;
}

/** Stopwords by sound too, so that "nesesito" or "kiero" go the way of "necesito" and "quiero". */
const STOP_KEYS = new Set([...STOPWORDS].map(phoneticKey));
const isNoise = (word: string) => /^\d+$/.test(word) || STOPWORDS.has(word) || STOP_KEYS.has(phoneticKey(word));

/**
 * The meaningful words of a text: folded (case, accents, punctuation, emoji),
 * chat shortenings written out, without laughter, stopwords or bare numbers,
 * set phrases as one word, each by its sound key, stem and lexicon concept.
 * @example terms('¡No anda Internet!') // [{ word: 'no', stem: '@not', root: 'no' }, { word: 'internet', stem: 'internet', root: 'internet' }]
 */
export function terms(text: string): Term[] {
  // "ç" sounds like "s", but folding would make it a "c"; "300megas" and "3x" are a number and a word.
  const folded = normalizeText(text.replace(/ç/giu, 's')).replace(/(\d)(?=\p{L})|(\p{L})(?=\d)/gu, '$1$2 ');
  const words = expandChatSpeak(folded.split(' ')).filter((word) => !isNoise(word));
  return rewriteIdioms(words.join(' ')).split(' ')
    .filter((word) => word !== '')
    .map((word) => {
      const key = phoneticKey(word);
      const root = stem(key);
      return { word: key, stem: CONCEPTS.get(root) ?? root, root };
    });
}
