import { Type, type Static } from '@sinclair/typebox';
import { Id } from './common.ts';
import type { ProblemCode, ProblemParams } from './problems.ts';

/**
 * How much knowledge one flow may carry (docs/flow-format.md, "Knowledge"). An entry is one
 * answer a customer can be given whole on WhatsApp (a text message holds 4,096 characters);
 * the total keeps a published version small enough to load on every turn and to send to a model.
 */
export const KNOWLEDGE_LIMITS = {
  entries: 500,
  title: 200,
  entryText: 4_000,
  tags: 20,
  tag: 50,
  source: 200,
  /** Every entry's title and text together. */
  totalCharacters: 100_000,
} as const;

/** One piece of the business's own knowledge: what `ai_answer` nodes answer from, and cite by `id`. */
export const KnowledgeEntry = Type.Object({
  id: Id,
  title: Type.String({ minLength: 1, maxLength: KNOWLEDGE_LIMITS.title }),
  text: Type.String({ minLength: 1, maxLength: KNOWLEDGE_LIMITS.entryText }),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: KNOWLEDGE_LIMITS.tag }), { maxItems: KNOWLEDGE_LIMITS.tags })),
  /** Where the entry came from (a file name, a web page), for the analyst. */
  source: Type.Optional(Type.String({ maxLength: KNOWLEDGE_LIMITS.source })),
}, { additionalProperties: false });
export type KnowledgeEntry = Static<typeof KnowledgeEntry>;

export const Knowledge = Type.Array(KnowledgeEntry, { maxItems: KNOWLEDGE_LIMITS.entries });

type KnowledgeReport = (code: ProblemCode, pointer: string, params?: ProblemParams) => void;

/** What the schema cannot say: ids are unique (answers cite them) and the whole stays under its size. */
export function checkKnowledge(knowledge: readonly KnowledgeEntry[], report: KnowledgeReport): void {
  const seen = new Set<string>();
  let total = 0;
  knowledge.forEach((entry, index) => {
    if (seen.has(entry.id)) report('duplicate_knowledge_id', `/knowledge/${index}/id`, { id: entry.id });
    seen.add(entry.id);
    total += entry.title.length + entry.text.length;
  });
  if (total > KNOWLEDGE_LIMITS.totalCharacters) {
    report('knowledge_too_large', '/knowledge', { length: total, max: KNOWLEDGE_LIMITS.totalCharacters });
  }
}

/**
 * An entry id from a heading, as Markdown import makes it: lower case, accents dropped,
 * every run of other characters one `-`, trimmed, at most 64 characters.
 * @example knowledgeId('¿Aceptan Pix?') // 'aceptan-pix'
 */
export function knowledgeId(heading: string): string {
  const slug = heading.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, 64).replace(/-+$/, '');
}
