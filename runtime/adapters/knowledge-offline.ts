import MiniSearch from 'minisearch';
import type { KnowledgeEntry } from '../../schema/index.ts';
import type { AnswerRequest, AnswerResult, RuntimePorts } from '../core/types.ts';
import { terms } from './intent-terms.ts';

/** One entry a question may be about, with how much of the question it explains. */
export interface RetrievedEntry {
  entry: KnowledgeEntry;
  /** The BM25 score (MiniSearch), title and tags weighing more than the text. */
  score: number;
  /** The share of the question's meaningful words (weighted by rarity) the entry has, 0..1. */
  coverage: number;
}

interface KnowledgeIndex {
  search: MiniSearch<KnowledgeEntry>;
  byId: Map<string, KnowledgeEntry>;
  /** In how many entries each word (stem or concept) occurs: rare words say most about what is asked. */
  entryFrequency: Map<string, number>;
}

/**
 * Words the same as the offline intent classifier reads them: folded, stemmed es/pt, typos by sound
 * (intent-terms.ts); a word the lexicon maps to a concept also counts as itself, so "transferencia"
 * finds the entry that says it before one that only says "Pix".
 */
const tokenize = (text: string): string[] => terms(text).flatMap((term) => (term.stem === term.root ? [term.stem] : [term.stem, term.root]));

/** How much of an unknown word every question is assumed to hold besides its own. */
const DOUBT = 0.1;

const indexes = new WeakMap<readonly KnowledgeEntry[], KnowledgeIndex>();

/** A flow's knowledge indexed once per array (flow documents are not mutated). */
function knowledgeIndex(knowledge: readonly KnowledgeEntry[]): KnowledgeIndex {
  let index = indexes.get(knowledge);
  if (index !== undefined) return index;
  const search = new MiniSearch<KnowledgeEntry>({
    fields: ['title', 'text', 'tags'],
    extractField: (entry, field) => (field === 'tags' ? (entry.tags ?? []).join(' ') : String(entry[field as keyof KnowledgeEntry] ?? '')),
    tokenize,
    processTerm: (term) => term,
    searchOptions: { boost: { title: 2, tags: 1.5 }, fuzzy: (term) => (term.length >= 6 && !term.startsWith('@') ? 0.2 : false) },
  });
  search.addAll(knowledge);
  const entryFrequency = new Map<string, number>();
  for (const entry of knowledge) {
    for (const word of new Set(tokenize(`${entry.title} ${entry.text} ${(entry.tags ?? []).join(' ')}`))) {
      entryFrequency.set(word, (entryFrequency.get(word) ?? 0) + 1);
    }
  }
  index = { search, byId: new Map(knowledge.map((entry) => [entry.id, entry])), entryFrequency };
  indexes.set(knowledge, index);
  return index;
}

/**
 * The entries a question is most likely about, best first (at most `limit`): BM25 over
 * title, tags and text with typo tolerance, and for each the share of the question it covers.
 * @example retrieveKnowledge('¿abren el domingo?', flow.knowledge)[0]?.entry.id // 'horarios'
 */
export function retrieveKnowledge(question: string, knowledge: readonly KnowledgeEntry[], limit = 3): RetrievedEntry[] {
  if (knowledge.length === 0) return [];
  const index = knowledgeIndex(knowledge);
  const words = [...new Set(tokenize(question))];
  if (words.length === 0) return [];
  // A word no entry has weighs as much as the rarest: off-topic questions are mostly such words.
  const weight = (word: string) => Math.log(1 + knowledge.length / (index.entryFrequency.get(word) ?? 1));
  // Plus a part of one unknown word: a lone shared word out of two ("me recomendás una película") is weak evidence.
  const total = words.reduce((sum, word) => sum + weight(word), 0) + DOUBT * Math.log(1 + knowledge.length);
  // The words are already terms: the query is tokenized by spaces only.
  return index.search.search(words.join(' '), { tokenize: (query) => query.split(' ') }).slice(0, limit).map((result) => {
    const matched = new Set(result.queryTerms);
    const covered = words.filter((word) => matched.has(word)).reduce((sum, word) => sum + weight(word), 0);
    return { entry: index.byId.get(String(result.id))!, score: result.score, coverage: total === 0 ? 0 : covered / total };
  });
}

/**
 * The answerer used without a model: the best entry's text, as is, with its coverage of the
 * question as the confidence; nothing found is `{ answer: null }`.
 * @example answerOffline({ question: '¿aceptan Pix?', knowledge }) // { answer: 'Sí, aceptamos Pix…', entryIds: ['pix'], confidence: 0.8, source: 'offline' }
 */
export function answerOffline(request: AnswerRequest): AnswerResult {
  const [best] = retrieveKnowledge(request.question, request.knowledge, 1);
  if (best === undefined) return { answer: null, entryIds: [], confidence: 0, source: 'offline' };
  return { answer: best.entry.text, entryIds: [best.entry.id], confidence: Math.round(best.coverage * 1000) / 1000, source: 'offline' };
}

export const answerFromKnowledgeOffline: RuntimePorts['answerFromKnowledge'] = async (request) => answerOffline(request);
