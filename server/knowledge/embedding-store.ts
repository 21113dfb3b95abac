import { and, eq, inArray } from 'drizzle-orm';
import type { EmbeddingStore } from '../../runtime/adapters/index.ts';
import type { CharlaDatabase } from '../db/database.ts';

/** Hashes per read: far under SQLite's and PostgreSQL's limits on bound parameters. */
const READ_CHUNK = 200;
/** Rows per insert: a 500-entry knowledge base is three statements. */
const WRITE_CHUNK = 200;

/**
 * Knowledge entries' embedding vectors in the server's database (table `knowledge_embeddings`, both
 * stores), by model and content hash, so the hybrid retriever (runtime/adapters/knowledge-embeddings.ts)
 * embeds an entry once per model, not once per process. Vectors are kept as little-endian float32s,
 * the precision embedding models compute in. Rows are only added: a hash names its content for good.
 * @example createRuntimePorts(config.runtime, {}, { embeddingStore: createEmbeddingStore(database, Date.now) })
 */
export function createEmbeddingStore(database: CharlaDatabase, now: () => number): EmbeddingStore {
  const { db, tables: { knowledgeEmbeddings } } = database;
  return {
    async read(model, hashes) {
      const found = new Map<string, number[]>();
      for (let start = 0; start < hashes.length; start += READ_CHUNK) {
        const rows = await db.select({ hash: knowledgeEmbeddings.contentHash, dimensions: knowledgeEmbeddings.dimensions, vector: knowledgeEmbeddings.vector })
          .from(knowledgeEmbeddings)
          .where(and(eq(knowledgeEmbeddings.model, model), inArray(knowledgeEmbeddings.contentHash, [...hashes.slice(start, start + READ_CHUNK)])));
        for (const row of rows) {
          const vector = decodeVector(row.vector);
          // A row cut short (written by hand, or a disk fault) is embedded again rather than compared wrongly.
          if (vector.length === row.dimensions) found.set(row.hash, vector);
        }
      }
      return found;
    },
    async write(model, vectors) {
      const createdAt = now();
      for (let start = 0; start < vectors.length; start += WRITE_CHUNK) {
        const rows = vectors.slice(start, start + WRITE_CHUNK).map(({ hash, vector }) => ({
          model, contentHash: hash, dimensions: vector.length, vector: encodeVector(vector), createdAt,
        }));
        // Two instances embedding the same entry at once store the same vector: the second is a no-op.
        await db.insert(knowledgeEmbeddings).values(rows).onConflictDoNothing();
      }
    },
  };
}

/** float32s, little-endian, base64: a 1,536-dimension vector is 8 kB. */
export function encodeVector(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}

export function decodeVector(encoded: string): number[] {
  const bytes = Buffer.from(encoded, 'base64');
  const vector: number[] = [];
  for (let offset = 0; offset + 4 <= bytes.length; offset += 4) vector.push(bytes.readFloatLE(offset));
  return vector;
}
