import type { IntentRequest, IntentResult, RuntimePorts } from '../core/types.ts';
import { editDistance } from '../core/edit-distance.ts';
import { generalPurposeWords } from './general-purpose.ts';
import { intentIndex, trigramCounts, unitVector, type IntentIndex } from './intent-index.ts';
import { terms, type Term } from './intent-terms.ts';

/** How much a typo-tolerant match counts, by edit distance (0, 1, 2). */
const MATCH_STRENGTH = [1, 0.6, 0.5] as const;
/** A word in one example counts this much of a word in every text of the intent. */
const SHARE_FLOOR = 0.3;
/** Weight of the character-trigram similarity next to the word evidence. */
const TRIGRAM_WEIGHT = 8;
/** Softmax sharpness: how fast evidence turns into certainty. */
const SHARPNESS = 4;
/** Evidence of "none of the intents", before and per word no intent knows. */
const NONE_BASE = 0.7;
const NONE_PER_UNKNOWN_WORD = 0.2;
/**
 * A word of a general-purpose request that no intent uses (general-purpose.ts: "poema", "juega",
 * "noticias") counts as this many unknown words, and as no evidence for any intent.
 */
const GENERAL_PURPOSE_UNKNOWN = 10;

/**
 * The built-in classifier used without an OpenAI key (see intent-terms.ts for
 * the text handling: chat shortenings, set phrases, stopwords, sound-alike
 * spelling, es/pt stemming, lexicon concepts). Evidence for each intent = its
 * stems (and concepts) the message has, weighted by how few intents use them
 * and how much of the intent's text has them, plus a character-trigram
 * similarity; a word matches a known stem it starts with, or one swap of
 * neighbouring letters away, or one edit away from 7 letters (two from 10).
 * Word order does not matter.
 * Confidence is a softmax over the intents and "none of them", whose evidence
 * grows with the words no intent knows: off-topic text, and text two intents
 * explain equally, stay under 0.6.
 * @example await classifyIntentOffline({ text: 'no tengo interné', intents }) // { intent: 'sin_conexion', confidence: 0.9, source: 'offline' }
 */
export const classifyIntentOffline: RuntimePorts['classifyIntent'] = async (request) => classifyOffline(request);

/** The same, synchronous: for benches and accuracy measurements. */
export function classifyOffline(request: IntentRequest): IntentResult {
  const index = intentIndex(request.intents);
  const query = terms(request.text);
  const evidence = index.ids.map(() => 0);
  let unknown = 0;
  const known = (key: string) => index.idf.has(key);
  for (const term of query) {
    if (generalPurposeWords([term], known) > 0) {
      unknown += GENERAL_PURPOSE_UNKNOWN;
      continue;
    }
    const match = bestMatch(term, index);
    if (match === undefined) {
      unknown++;
      continue;
    }
    const weight = index.idf.get(match.stem)! * match.strength;
    index.stems.forEach((stems, i) => {
      const share = stems.get(match.stem);
      if (share !== undefined) evidence[i]! += weight * (SHARE_FLOOR + (1 - SHARE_FLOOR) * share);
    });
  }
  const queryGrams = unitVector(trigramCounts(query.map((term) => term.word)), index.gramIdf);
  index.grams.forEach((grams, i) => {
    let dot = 0;
    for (const [gram, value] of queryGrams) dot += value * (grams.get(gram) ?? 0);
    evidence[i]! += TRIGRAM_WEIGHT * dot;
  });
  const best = evidence.indexOf(Math.max(...evidence));
  if (best < 0 || evidence[best] === 0) return { intent: null, confidence: 0, source: 'offline' };
  const none = Math.exp(SHARPNESS * (NONE_BASE + NONE_PER_UNKNOWN_WORD * unknown));
  const odds = evidence.map((value) => Math.exp(SHARPNESS * value));
  const confidence = odds[best]! / odds.reduce((sum, value) => sum + value, none);
  return { intent: index.ids[best]!, confidence: Math.round(confidence * 1000) / 1000, source: 'offline' };
}

/** Words whose typo-tolerant match is remembered per node, so repeated words cost a lookup. */
const FUZZY_CACHE_SIZE = 10_000;

/** The known stem a word stands for, exactly or within a typo or two, and how sure that is. */
function bestMatch(term: Term, index: IntentIndex): { stem: string; strength: number } | undefined {
  if (index.idf.has(term.stem)) return { stem: term.stem, strength: MATCH_STRENGTH[0] };
  const known = index.fuzzy.get(term.word);
  if (known !== undefined) return known ?? undefined;
  if (index.fuzzy.size >= FUZZY_CACHE_SIZE) index.fuzzy.clear();
  const found = fuzzyMatch(term, index);
  index.fuzzy.set(term.word, found ?? null);
  return found;
}

function fuzzyMatch(term: Term, index: IntentIndex): { stem: string; strength: number } | undefined {
  // Sound-alike misspellings are already equal (intent-phonetic.ts); what is left are slips of the finger.
  // A swap of two neighbours rarely makes another word; other slips on short words often do ("perdon" / "person").
  const allowed = term.word.length >= 10 ? 2 : term.word.length >= 7 ? 1 : 0;
  let best: { stem: string; strength: number } | undefined;
  let bestDistance = Math.max(allowed, 1) + 1;
  for (const [root, key] of index.roots) {
    if (root.length < 4) continue;
    let distance: number;
    // A long known stem the word starts with counts as one edit (conjugations the stemmer missed).
    if ((root.length >= 5 && term.word.startsWith(root)) || isOneSwap(term.root, root)) distance = 1;
    else if (allowed > 0 && Math.abs(root.length - term.root.length) <= allowed) distance = editDistance(term.root, root, allowed);
    else continue;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { stem: key, strength: MATCH_STRENGTH[distance] ?? 0 };
    }
  }
  return best;
}

/** Whether b is a with two neighbouring letters swapped ("fatkur" / "faktur"). */
function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  return at + 1 < a.length && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}
