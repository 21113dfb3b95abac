import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  listConversations, replyToConversation, resolveConversation, takeOverConversation,
} from '../../../schema/api/conversations.ts';
import type { Session } from '../../../runtime/core/types.ts';
import { permissions } from '../../../schema/api/roles.ts';
import { principalOf, requireRole } from '../../auth/require-role.ts';
import { fail } from '../../errors.ts';
import type { ConversationRow } from '../../live/live-store.ts';
import { messagesOf } from '../../live/transcript.ts';
import { windowOpen } from '../../live/service-window.ts';

/** Turns of history shown per conversation. */
const RECENT_TURNS = 20;

/**
 * The inbox: conversations waiting for a person, agent replies through the outbox, and resolve
 * (the handoff node continues from `resolved`).
 */
export const inboxPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { live, charla } = app;
  const { conversations } = live.store;

  app.route({
    ...listConversations,
    preHandler: requireRole(permissions.read),
    handler: async (request) => {
      const now = charla.now();
      // Both have defaults in the schema, which fills them in before the handler runs.
      const { status, limit } = request.query as Required<typeof request.query>;
      return Promise.all((await conversations.byStatus(status, limit)).map(async (conversation) => ({
        ...summary(conversation, now),
        messages: (await Promise.all((await conversations.recent(conversation.id, RECENT_TURNS)).map((turn) => messagesOf(turn, conversations)))).flat(),
      })));
    },
  });

  app.route({
    ...replyToConversation,
    preHandler: requireRole(permissions.answerConversations),
    handler: async (request, reply) => {
      await requireConversation(request.params.id);
      const { text, replyTo } = request.body;
      const stored = await live.processor.agentMessage(request.params.id, { text, agent: principalOf(request).name, ...(replyTo === undefined ? {} : { replyTo }) });
      // The handoff is answered: its `unanswered` timer goes. The agent does not wait for that turn.
      live.processor.agentReplied(request.params.id).catch((error: unknown) =>
        request.log.error({ err: error, conversationId: request.params.id }, 'inbox: could not record the agent\'s reply in the conversation'));
      return reply.code(202).send({ outboxId: stored.outboxId, held: stored.held, fallbackOutboxId: stored.fallbackOutboxId });
    },
  });

  app.route({
    ...takeOverConversation,
    preHandler: requireRole(permissions.answerConversations),
    handler: async (request) => {
      await requireConversation(request.params.id);
      const conversation = await live.processor.takeOver(request.params.id);
      return { ...summary(conversation, charla.now()), messages: [] };
    },
  });

  app.route({
    ...resolveConversation,
    preHandler: requireRole(permissions.answerConversations),
    handler: async (request) => {
      await requireConversation(request.params.id);
      const result = await live.processor.resolveHandoff(request.params.id);
      return { status: result.session.status, messages: result.messages.length };
    },
  });

  async function requireConversation(id: number): Promise<ConversationRow> {
    return (await conversations.byId(id)) ?? fail('conversation_not_found', `No conversation ${id}`);
  }
};

function summary(conversation: ConversationRow, now: number) {
  const { session, ...rest } = conversation;
  return {
    ...rest,
    windowOpen: windowOpen(conversation.lastUserMessageAt, now),
    handoffSince: (JSON.parse(session) as Pick<Session, 'handoff'>).handoff?.since ?? null,
  };
}
