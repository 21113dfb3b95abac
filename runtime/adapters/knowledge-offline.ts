import MiniSearch from 'minisearch';
import type { KnowledgeEntry } from '../../schema/index.ts';
import type { AnswerRequest, AnswerResult, RuntimePorts } from '../core/types.ts';
import { generalPurposeWords } from './general-purpose.ts';
import { terms, type Term } from './intent-terms.ts';

/** One entry a question may be about, with how much of the question it explains. */
export interface RetrievedEntry {
  entry: KnowledgeEntry;
  /** The BM25 score (MiniSearch), title and tags weighing more than the text, times the question words matched. */
  score: number;
  /** The share of the question's meaningful words (weighted by rarity) the entry has, 0..1. */
  coverage: number;
  /** How sure the retriever is that the entry answers the question, 0..1 (from coverage and score). */
  confidence: number;
}

interface KnowledgeIndex {
  search: MiniSearch<KnowledgeEntry & { position: number }>;
  /** In how many entries each key (stem, root or concept) occurs: rare words say most about what is asked. */
  entryFrequency: Map<string, number>;
}

/** How much of an unknown word every question is assumed to hold besides its own. */
const DOUBT = 0.1;
/**
 * A word found only through its lexicon concept (a synonym, or the same word in the other language) scores
 * this much of the word itself, as expanded query terms usually do: "transferencia" and "tarjeta" are both
 * payments, but an entry that says "transferencia" answers "pagar con transferencia" better than one that
 * says only "tarjeta".
 */
const SYNONYM_SCORE = 0.5;
/** A word matched only through a typo or as a prefix explains this much of itself. */
const FUZZY_COVERAGE = 0.5;
/**
 * The confidence: a logistic of the coverage and of the log of the best score in units of the rarest
 * word's weight (so knowledge of any size reads alike), fitted on the development questions only
 * (fixtures/knowledge/farmacia-dev.json). Coverage alone refuses paraphrases whose other words the
 * knowledge lacks; a strong match on the words it has is evidence too.
 */
const CONFIDENCE = { coverage: 4, score: 1, bias: -3.6 } as const;
/**
 * What each word of a general-purpose request that the knowledge does not use (general-purpose.ts:
 * "poema", "chiste", "juega", "noticias") takes off the confidence's logit: one such word turns a sure
 * match on the words around it ("¿a qué hora juega Argentina el domingo?" and the Sunday hours) into a refusal.
 */
const GENERAL_PURPOSE_LOGIT = -4;

/** A word's keys: what the lexicon makes of it (a concept) and its root, so a concept word also finds itself. */
const keysOf = (term: Term): string[] => (term.stem === term.root ? [term.stem] : [term.stem, term.root]);
/** Words as the offline intent classifier reads them (intent-terms.ts): folded, stemmed es/pt, typos by sound. */
const tokenize = (text: string): string[] => terms(text).flatMap(keysOf);

/** Typos are looked for in words long enough that one edit rarely makes another word. */
const fuzzyFor = (key: string) => (key.length >= 6 && !key.startsWith('@') ? 0.2 : false);
/**
 * A stem of 4 letters or more also finds the longer words it starts with, at MiniSearch's prefix discount
 * and covering half of itself, as a typo does: derivations the light stemmer leaves whole ("promos" and
 * "promociones", "perfume" and "perfumería", "vacunan" and "vacunatorio").
 */
const prefixFor = (key: string) => key.length >= 4 && !key.startsWith('@');

const indexes = new WeakMap<readonly KnowledgeEntry[], KnowledgeIndex>();

/** A flow's knowledge indexed once per array (flow documents are not mutated). */
function knowledgeIndex(knowledge: readonly KnowledgeEntry[]): KnowledgeIndex {
  let index = indexes.get(knowledge);
  if (index !== undefined) return index;
  const search = new MiniSearch<KnowledgeEntry & { position: number }>({
    idField: 'position',
    fields: ['title', 'text', 'tags'],
    extractField: (entry, field) => (field === 'tags' ? (entry.tags ?? []).join(' ') : String(entry[field as keyof KnowledgeEntry] ?? entry.position)),
    tokenize,
    processTerm: (term) => term,
    searchOptions: { boost: { title: 2, tags: 1.5 } },
  });
  search.addAll(knowledge.map((entry, position) => ({ ...entry, position })));
  const entryFrequency = new Map<string, number>();
  for (const entry of knowledge) {
    for (const key of new Set(tokenize(`${entry.title} ${entry.text} ${(entry.tags ?? []).join(' ')}`))) {
      entryFrequency.set(key, (entryFrequency.get(key) ?? 0) + 1);
    }
  }
  index = { search, entryFrequency };
  indexes.set(knowledge, index);
  return index;
}

/** How one question word matched one entry: its best BM25 score, and whether exactly or only through a typo or prefix. */
interface WordMatch {
  score: number;
  /** The score that orders the entries: a match through a synonym only counts SYNONYM_SCORE of itself. */
  rank: number;
  exact: boolean;
}

/**
 * Each entry a question word matches, by its best key: a word counts once however many of its keys
 * match (MiniSearch's own multi-term score would count a word that is also a concept twice).
 */
function matchWord(index: KnowledgeIndex, keys: string[]): Map<number, WordMatch> {
  const best = new Map<number, WordMatch>();
  for (const key of keys) {
    const synonym = key.startsWith('@') && keys.length > 1;
    for (const result of index.search.search(key, { tokenize: (query) => [query], fuzzy: fuzzyFor(key), prefix: prefixFor(key) })) {
      const exact = key in result.match;
      const rank = synonym ? result.score * SYNONYM_SCORE : result.score;
      const current = best.get(result.id as number) ?? { score: 0, rank: 0, exact: false };
      best.set(result.id as number, { score: Math.max(current.score, result.score), rank: Math.max(current.rank, rank), exact: current.exact || exact });
    }
  }
  return best;
}

/**
 * The entries a question is most likely about, best first (at most `limit`): BM25 over title, tags and
 * text, typo-tolerant, each question word counted once (a synonym's match at SYNONYM_SCORE) and the sum
 * multiplied by how many words matched;
 * for each entry the share of the question it covers and a confidence.
 * @example retrieveKnowledge('¿abren el domingo?', flow.knowledge)[0]?.entry.id // 'horarios'
 */
export function retrieveKnowledge(question: string, knowledge: readonly KnowledgeEntry[], limit = 3): RetrievedEntry[] {
  if (knowledge.length === 0) return [];
  const index = knowledgeIndex(knowledge);
  const questionTerms = terms(question);
  const words = [...new Map(questionTerms.map((term) => [keysOf(term).join(' '), keysOf(term)])).values()];
  if (words.length === 0) return [];
  const generalPurpose = generalPurposeWords(questionTerms, (key) => index.entryFrequency.has(key));
  const rarest = Math.log(1 + knowledge.length);
  const rarity = (key: string) => Math.log(1 + knowledge.length / (index.entryFrequency.get(key) ?? 1));
  // A word weighs as much as its rarest key; one no entry has weighs the most: off-topic questions are mostly such words.
  const weights = words.map((keys) => Math.max(...keys.map(rarity)));
  // Plus a part of one unknown word: a lone shared word out of two ("me recomendás una película") is weak evidence.
  const total = weights.reduce((sum, weight) => sum + weight, 0) + DOUBT * rarest;
  const found = new Map<number, { sum: number; rankSum: number; covered: number; words: number }>();
  words.forEach((keys, word) => {
    for (const [entry, match] of matchWord(index, keys)) {
      const seen = found.get(entry) ?? { sum: 0, rankSum: 0, covered: 0, words: 0 };
      found.set(entry, {
        sum: seen.sum + match.score,
        rankSum: seen.rankSum + match.rank,
        covered: seen.covered + weights[word]! * (match.exact ? 1 : FUZZY_COVERAGE),
        words: seen.words + 1,
      });
    }
  });
  const ranked = [...found]
    .map(([position, { sum, rankSum, covered, words: matched }]) => ({ position, score: sum * matched, rank: rankSum * matched, coverage: covered / total }))
    .sort((a, b) => b.rank - a.rank);
  // A synonym orders the entries below the word itself but is as much evidence that the question is about the
  // knowledge: the confidence reads the undiscounted score.
  return ranked.slice(0, limit).map(({ position, score, coverage }) => {
    const logit = CONFIDENCE.coverage * coverage + CONFIDENCE.score * Math.log(score / rarest) + CONFIDENCE.bias + GENERAL_PURPOSE_LOGIT * generalPurpose;
    return { entry: knowledge[position]!, score, coverage, confidence: 1 / (1 + Math.exp(-logit)) };
  });
}

/**
 * The answerer used without a model: the best entry's text, as is, with the retriever's
 * confidence; nothing found is `{ answer: null }`.
 * @example answerOffline({ question: '¿aceptan Pix?', knowledge }) // { answer: 'Sí, aceptamos Pix…', entryIds: ['pix'], confidence: 0.8, source: 'offline' }
 */
export function answerOffline(request: AnswerRequest): AnswerResult {
  const [best] = retrieveKnowledge(request.question, request.knowledge, 1);
  if (best === undefined) return { answer: null, entryIds: [], confidence: 0, source: 'offline' };
  return { answer: best.entry.text, entryIds: [best.entry.id], confidence: Math.round(best.confidence * 1000) / 1000, source: 'offline' };
}

export const answerFromKnowledgeOffline: RuntimePorts['answerFromKnowledge'] = async (request) => answerOffline(request);
