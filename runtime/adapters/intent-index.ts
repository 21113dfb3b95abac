import type { IntentRequest } from '../core/types.ts';
import { CONCEPTS, terms } from './intent-terms.ts';

/** What the offline classifier knows about one node's intents. */
export interface IntentIndex {
  ids: string[];
  /** Per intent: each stem (or lexicon concept) and how much of the intent's text has it, 0..1. */
  stems: Array<Map<string, number>>;
  /** Inverse intent frequency of each stem: one only a single intent uses tells the most. */
  idf: Map<string, number>;
  /** Plain stems a typo may be near, each with the key it stands for (itself, or its concept). */
  roots: Map<string, string>;
  /** Per intent: its character-trigram tf-idf vector (unit length), which catches variants the stems miss. */
  grams: Array<Map<string, number>>;
  gramIdf: Map<string, number>;
  /** Typo-tolerant matches already worked out, by word (bounded: see intent-offline.ts). */
  fuzzy: Map<string, { stem: string; strength: number } | null>;
}

/** The description defines the intent: its words count as much as this many examples. */
const DESCRIPTION_WEIGHT = 3;

const indexes = new WeakMap<IntentRequest['intents'], IntentIndex>();

/** The index of a node's intents, built once per intents array (flow documents are not mutated). */
export function intentIndex(intents: IntentRequest['intents']): IntentIndex {
  let index = indexes.get(intents);
  if (index === undefined) {
    index = buildIndex(intents);
    indexes.set(intents, index);
  }
  return index;
}

function buildIndex(intents: IntentRequest['intents']): IntentIndex {
  // Each intent's texts as terms, the description first.
  const texts = intents.map((intent) => [intent.description, ...intent.examples].map(terms));
  const stems = texts.map((intentTexts) => {
    const counts = new Map<string, number>();
    intentTexts.forEach((text, position) => {
      for (const stem of new Set(text.map((term) => term.stem))) counts.set(stem, (counts.get(stem) ?? 0) + (position === 0 ? DESCRIPTION_WEIGHT : 1));
    });
    const total = DESCRIPTION_WEIGHT + intentTexts.length - 1;
    return new Map([...counts].map(([stem, count]) => [stem, count / total]));
  });
  const gramCounts = texts.map((intentTexts) => trigramCounts(intentTexts.flat().map((term) => term.word)));
  const gramIdf = inverseFrequency(gramCounts);
  const idf = inverseFrequency(stems);
  const roots = new Map<string, string>();
  for (const [root, concept] of CONCEPTS) if (idf.has(concept)) roots.set(root, concept);
  for (const term of texts.flat(2)) roots.set(term.root, term.stem);
  return {
    ids: intents.map((intent) => intent.id),
    stems,
    idf,
    roots,
    grams: gramCounts.map((counts) => unitVector(counts, gramIdf)),
    gramIdf,
    fuzzy: new Map(),
  };
}

/** ln((N + 1) / n) for a key n of the N maps have: shared by all, almost 0. */
function inverseFrequency(maps: Array<Map<string, number>>): Map<string, number> {
  const seen = new Map<string, number>();
  for (const map of maps) for (const key of map.keys()) seen.set(key, (seen.get(key) ?? 0) + 1);
  return new Map([...seen].map(([key, count]) => [key, Math.log((maps.length + 1) / count)]));
}

/** Trigrams of each word padded with spaces: "lag" → " la", "lag", "ag ". */
export function trigramCounts(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const gram = padded.slice(i, i + 3);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

/** A tf-idf vector of unit length. Unknown trigrams weigh the most: they pull the similarity down. */
export function unitVector(counts: Map<string, number>, idf: Map<string, number>): Map<string, number> {
  const unknownIdf = Math.log(2 + idf.size);
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [gram, count] of counts) {
    const value = Math.log(1 + count) * (idf.get(gram) ?? unknownIdf);
    vector.set(gram, value);
    norm += value * value;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [gram, value] of vector) vector.set(gram, value / norm);
  return vector;
}
