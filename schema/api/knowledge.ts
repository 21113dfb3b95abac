import { Type, type Static } from '@sinclair/typebox';
import { ID_PATTERN } from '../common.ts';
import { Knowledge } from '../knowledge.ts';
import { BEARER } from './common.ts';
import { JSON_BODY, SIGNED_IN, errorResponses } from './errors.ts';
import { apiRoute } from './route.ts';

/** What an `ai_answer` node would do with one question: the editor's "try a question". */
export const KnowledgeAnswer = Type.Object({
  outcome: Type.Union([Type.Literal('answered'), Type.Literal('unknown')]),
  /** The reply the node would send; null when it would take `unknown`. */
  answer: Type.Union([Type.String(), Type.Null()]),
  /** The entries the reply comes from. */
  cited: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  /** Which answerer replied (`offline`, `openai`), or why it failed. */
  source: Type.String(),
});
export type KnowledgeAnswer = Static<typeof KnowledgeAnswer>;

export const askKnowledge = apiRoute({
  method: 'POST',
  url: '/api/flows/:id/knowledge/answers',
  schema: {
    summary: 'Answer one question from a flow\'s knowledge, as an ai_answer node would',
    description: 'Analysts and admins (it may call the configured model); nothing is stored. `knowledge` (unsaved edits) replaces the draft\'s.',
    tags: ['flows'], security: BEARER,
    params: Type.Object({ id: Type.String({ pattern: ID_PATTERN }) }),
    body: Type.Object({
      question: Type.String({ minLength: 1, maxLength: 1000 }),
      knowledge: Type.Optional(Knowledge),
      minConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    }, { additionalProperties: false }),
    response: { 200: KnowledgeAnswer, ...errorResponses(...SIGNED_IN, ...JSON_BODY, 'flow_not_found') },
  },
});
