import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type OpenAI from 'openai';
import type { KnowledgeEntry } from '../../schema/index.ts';
import { AdapterFailure } from './errors.ts';
import { retrieveKnowledge } from './knowledge-offline.ts';
import { describeOpenAiError } from './openai-client.ts';

/** The embedding model used when OPENAI_EMBEDDING_MODEL is not set. */
export const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';
/** OPENAI_EMBEDDING_MODEL=none: the endpoint has no embeddings, retrieval stays lexical. */
export const NO_EMBEDDINGS = 'none';
/** Inputs per /embeddings request: a knowledge of 500 entries takes two. */
const BATCH = 256;
/** Knowledge bases whose entry vectors stay in memory (each published version is one). */
const CACHED_KNOWLEDGE = 64;
/** Reciprocal rank fusion's constant: how little the first ranks outweigh the next (the usual 60). */
const FUSION_K = 60;
/** How many entries each ranking contributes before fusion. */
const CANDIDATES = 8;

/**
 * Where entry vectors outlive the process (the server's database), so a restart does not embed the
 * knowledge again: by model and a SHA-256 of exactly what was embedded (an entry's title, tags and text).
 */
export interface EmbeddingStore {
  /** The vectors stored for `model` among these content hashes. */
  read(model: string, hashes: readonly string[]): Promise<Map<string, number[]>>;
  /** Keeps vectors just computed (a hash already stored is left as it is). */
  write(model: string, vectors: ReadonlyArray<{ hash: string; vector: number[] }>): Promise<void>;
}

/** What the hybrid retriever found: the entries, best first, and why embeddings took no part (for the trace). */
export interface HybridRetrieval {
  entries: KnowledgeEntry[];
  /** Set when the endpoint gave no vectors and BM25 ranked alone: 'embeddings failed: …'. */
  note?: string;
}

/**
 * Retrieval combining the offline BM25 ranking with the cosine similarity of OpenAI-compatible
 * embeddings (docs/ai.md), fused by reciprocal rank. The entries' vectors are computed once per
 * knowledge (a published version's knowledge never changes: the cache key is a hash of the model
 * and every entry's id, title, text and tags) and kept in memory; with a `store`, each entry's vector
 * is also kept there by model and content hash, and only entries it lacks are embedded (after a
 * restart, none; after an edit, the edited ones). Each question costs one `/embeddings` request. If
 * the endpoint or the store fails, retrieval falls back to BM25 alone for that question and the
 * entries' vectors are asked for again next time.
 * @example const retrieve = createHybridRetriever(client, 'text-embedding-3-small', 8000); (await retrieve('¿aceptan amex?', knowledge, 4)).entries
 */
export function createHybridRetriever(client: OpenAI, model: string, timeoutMs: number, store?: EmbeddingStore) {
  const cache = new LRUCache<string, Promise<number[][]>>({ max: CACHED_KNOWLEDGE });

  async function embed(inputs: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < inputs.length; start += BATCH) {
      const batch = inputs.slice(start, start + BATCH);
      const response = await client.embeddings.create({ model, input: batch, encoding_format: 'float' });
      const ordered = [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
      if (ordered.length !== batch.length || ordered.some((vector) => !Array.isArray(vector) || vector.length === 0)) {
        throw new AdapterFailure('bad_answer', `expected ${batch.length} embeddings, got ${ordered.length}`);
      }
      vectors.push(...ordered);
    }
    return vectors;
  }

  /** The entries' vectors: those the store has, the others embedded (and stored). */
  async function loadVectors(inputs: string[]): Promise<number[][]> {
    if (store === undefined) return embed(inputs);
    const hashes = inputs.map(contentHash);
    const vectors = await store.read(model, [...new Set(hashes)]);
    const missing = [...new Set(hashes.filter((hash) => !vectors.has(hash)))];
    if (missing.length > 0) {
      const fresh = await embed(missing.map((hash) => inputs[hashes.indexOf(hash)]!));
      const computed = missing.map((hash, position) => ({ hash, vector: fresh[position]! }));
      await store.write(model, computed);
      for (const { hash, vector } of computed) vectors.set(hash, vector);
    }
    return hashes.map((hash) => vectors.get(hash)!);
  }

  function entryVectors(knowledge: readonly KnowledgeEntry[]): Promise<number[][]> {
    const key = knowledgeKey(model, knowledge);
    let vectors = cache.get(key);
    if (vectors === undefined) {
      vectors = loadVectors(knowledge.map(entryInput));
      // A failure is not remembered: the next question asks again.
      vectors.catch(() => cache.delete(key));
      cache.set(key, vectors);
    }
    return vectors;
  }

  return async (question: string, knowledge: readonly KnowledgeEntry[], limit: number): Promise<HybridRetrieval> => {
    const lexical = retrieveKnowledge(question, knowledge, CANDIDATES).map((found) => found.entry);
    let semantic: KnowledgeEntry[];
    try {
      const [vectors, [asked]] = await Promise.all([entryVectors(knowledge), embed([question])]);
      semantic = vectors
        .map((vector, position) => ({ entry: knowledge[position]!, similarity: cosine(asked!, vector) }))
        // Nothing in common at all is no candidate (the model is then not asked).
        .filter((found) => found.similarity > 0)
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, CANDIDATES)
        .map((found) => found.entry);
    } catch (error) {
      return { entries: lexical.slice(0, limit), note: `embeddings failed: ${describeOpenAiError(error, timeoutMs)}` };
    }
    return { entries: fuse([lexical, semantic]).slice(0, limit) };
  };
}

/** What an entry is embedded as: its title, its tags and its text. */
function entryInput(entry: KnowledgeEntry): string {
  return [entry.title, (entry.tags ?? []).join(', '), entry.text].filter((part) => part !== '').join('\n\n');
}

/** What one embedding input is stored by: the same text with the same model embeds the same. */
function contentHash(input: string): string {
  return createHash('sha256').update(input).digest('hex');
}

/** One knowledge's identity for the cache: the same entries with the same model embed the same. */
function knowledgeKey(model: string, knowledge: readonly KnowledgeEntry[]): string {
  const content = JSON.stringify([model, knowledge.map((entry) => [entry.id, entry.title, entry.text, entry.tags ?? []])]);
  return createHash('sha256').update(content).digest('hex');
}

/** Reciprocal rank fusion: an entry high in either ranking comes first, one high in both before it. */
function fuse(rankings: KnowledgeEntry[][]): KnowledgeEntry[] {
  const scores = new Map<KnowledgeEntry, number>();
  for (const ranking of rankings) {
    ranking.forEach((entry, rank) => scores.set(entry, (scores.get(entry) ?? 0) + 1 / (FUSION_K + rank + 1)));
  }
  return [...scores].sort((a, b) => b[1] - a[1]).map(([entry]) => entry);
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
