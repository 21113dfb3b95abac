import type { FastifyInstance } from 'fastify';
import type { Session } from '../../../runtime/core/types.ts';
import { agentTextBody } from '../../../runtime/whatsapp/outbound.ts';
import { permissions } from '../../auth/roles.ts';
import { requireRole } from '../../auth/require-role.ts';
import { AppError, fail } from '../../errors.ts';
import type { ConversationRow, ConversationStore, HistoryBody, HistoryRow } from '../../live/conversation-store.ts';
import { conversationListSchema, replySchema, resolveSchema, takeOverSchema } from './schemas.ts';

/** WhatsApp's customer-service window: free-form messages only within 24 h of the customer's last one. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
const RECENT_TURNS = 20;

/**
 * The inbox: conversations waiting for a person, agent replies through the outbox, and resolve
 * (the handoff node continues from `resolved`).
 */
export async function inboxPlugin(app: FastifyInstance): Promise<void> {
  const { live, charla } = app;

  app.get<{ Querystring: { status: string; limit: number } }>('/api/conversations', {
    preHandler: requireRole(permissions.read),
    schema: conversationListSchema,
  }, async (request) => {
    const now = charla.now();
    return live.conversations.byStatus(request.query.status, request.query.limit).map((conversation) => ({
      ...summary(conversation, now),
      messages: live.conversations.recent(conversation.id, RECENT_TURNS).flatMap((turn) => messagesOf(turn, live.conversations)),
    }));
  });

  app.post<{ Params: { id: number }; Body: { text: string } }>('/api/conversations/:id/messages', {
    preHandler: requireRole(permissions.answerConversations),
    schema: replySchema,
  }, async (request, reply) => {
    const conversation = requireConversation(request.params.id);
    // Only a person attending the conversation writes: the bot would talk over them otherwise.
    if (conversation.status !== 'handoff') {
      throw new AppError('conversation_not_in_handoff', `Conversation ${conversation.id} is ${conversation.status}: take it over first`);
    }
    const now = charla.now();
    if (now - conversation.lastUserMessageAt >= CUSTOMER_SERVICE_WINDOW_MS) {
      throw new AppError('outside_customer_service_window', undefined, {
        lastUserMessageAt: conversation.lastUserMessageAt,
      });
    }
    let body: string;
    try {
      body = JSON.stringify(agentTextBody(request.body.text, conversation.waId));
    } catch (error) {
      throw new AppError('bad_request', (error as Error).message);
    }
    const outboxId = await live.groupCommit.run(() => {
      const id = live.outbox.enqueue({ conversationId: conversation.id, phoneNumberId: conversation.phoneNumberId, body, createdAt: now });
      live.conversations.addHistory({
        conversationId: conversation.id, direction: 'agent', body: { replies: 1 },
        outboxId: id, createdAt: now,
      });
      return id;
    });
    live.sender.add([{ id: outboxId, conversationId: conversation.id, phoneNumberId: conversation.phoneNumberId, body, attempts: 0, nextAttemptAt: now }]);
    return reply.code(202).send({ outboxId });
  });

  app.post<{ Params: { id: number } }>('/api/conversations/:id/take-over', {
    preHandler: requireRole(permissions.answerConversations),
    schema: takeOverSchema,
  }, async (request) => {
    requireConversation(request.params.id);
    const conversation = await live.processor.takeOver(request.params.id);
    return { ...summary(conversation, charla.now()), messages: [] };
  });

  app.post<{ Params: { id: number } }>('/api/conversations/:id/resolve', {
    preHandler: requireRole(permissions.answerConversations),
    schema: resolveSchema,
  }, async (request) => {
    requireConversation(request.params.id);
    const result = await live.processor.resolveHandoff(request.params.id);
    return { status: result.session.status, messages: result.messages.length };
  });

  function requireConversation(id: number): ConversationRow {
    return live.conversations.byId(id) ?? fail('conversation_not_found', `No conversation ${id}`);
  }
}

function summary(conversation: ConversationRow, now: number) {
  const { session, ...rest } = conversation;
  return {
    ...rest,
    windowOpen: now - conversation.lastUserMessageAt < CUSTOMER_SERVICE_WINDOW_MS,
    handoffSince: (JSON.parse(session) as Pick<Session, 'handoff'>).handoff?.since ?? null,
  };
}

/** A stored turn as the inbox shows it: the customer's message, then each reply (its Graph API body) with its delivery state. */
function messagesOf(turn: HistoryRow, conversations: ConversationStore) {
  const body = JSON.parse(turn.body) as HistoryBody;
  const incoming = body.event === undefined ? [] : [{
    id: turn.id, direction: 'in' as const, body: body.event, wamid: turn.wamid, outboxId: null,
    outboxState: null, deliveryStatus: null, errorCode: null, error: null, createdAt: turn.createdAt,
  }];
  const replies = Array.from({ length: turn.outboxId === null ? 0 : body.replies }, (_, index) => {
    const outboxId = turn.outboxId! + index;
    const state = conversations.replyState(outboxId);
    return {
      id: turn.id, direction: turn.direction === 'agent' ? 'agent' as const : 'bot' as const,
      body: state ? JSON.parse(state.body) as unknown : null, wamid: null, outboxId,
      outboxState: state?.outboxState ?? null, deliveryStatus: state?.deliveryStatus ?? null, errorCode: state?.errorCode ?? null,
      error: state?.error ?? null, createdAt: turn.createdAt,
    };
  });
  return [...incoming, ...replies];
}
