import { normalizeText } from './normalize-text.ts';

const normalized = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * Whether the whole message is one of `keywords`, ignoring case, accents, punctuation
 * and surrounding spaces ("¡Menú!" is "menu"; "quiero el menu" is not).
 * @example isKeyword(' AGENTE ', ['agente', 'humano']) // true
 */
export function isKeyword(text: string, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return false;
  let set = normalized.get(keywords);
  if (set === undefined) {
    set = new Set(keywords.map(normalizeText));
    normalized.set(keywords, set);
  }
  return set.has(normalizeText(text));
}
