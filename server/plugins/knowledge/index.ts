import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { askKnowledge } from '../../../schema/api/knowledge.ts';
import { DEFAULT_ANSWER_CONFIDENCE, judgeAnswer } from '../../../runtime/nodes/ai-answer.ts';
import { permissions, requireRole } from '../../auth/index.ts';

/**
 * "Try a question" for `ai_answer` nodes: answers through the server's own answerer (offline,
 * or the configured model) from the draft's knowledge or the editor's unsaved entries, and says
 * what the node would do: the reply, the cited entries and the confidence. Nothing is stored.
 */
export const knowledgePlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { flows, ports } = app.charla;

  app.route({
    ...askKnowledge,
    preHandler: requireRole(permissions.editDrafts),
    handler: async (request) => {
      const { document } = await flows.requireDraft(request.params.id);
      const knowledge = request.body.knowledge ?? document.knowledge ?? [];
      const minConfidence = request.body.minConfidence ?? DEFAULT_ANSWER_CONFIDENCE;
      const result = knowledge.length === 0
        ? { answer: null, entryIds: [], confidence: 0, source: 'no knowledge' }
        : await ports.answerFromKnowledge({ question: request.body.question, knowledge, ...(document.language ? { language: document.language } : {}) });
      const { reply, cited } = judgeAnswer(result, knowledge, minConfidence);
      request.log.info({ flowId: document.id, cited: cited.map((entry) => entry.id), confidence: result.confidence, source: result.source }, 'knowledge question tried');
      return { outcome: reply === null ? 'unknown' as const : 'answered' as const, answer: reply, cited, confidence: result.confidence, source: result.source };
    },
  });
};
