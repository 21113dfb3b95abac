import { normalizeText } from './normalize-text.ts';

const normalized = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * Whether a message, already folded with normalizeText, is one of `keywords` — so case,
 * accents, punctuation and surrounding spaces do not matter ("¡Menú!" is "menu"; "quiero
 * el menu" is not). Takes the folded text so one message is folded once for every list.
 * @example isKeyword(normalizeText(' AGENTE '), ['agente', 'humano']) // true
 */
export function isKeyword(foldedText: string, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return false;
  let set = normalized.get(keywords);
  if (set === undefined) {
    set = new Set(keywords.map(normalizeText));
    normalized.set(keywords, set);
  }
  return set.has(foldedText);
}
