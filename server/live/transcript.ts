import type { ConversationRepository, HistoryBody, HistoryRow } from './live-store.ts';

/** A stored turn as the inbox and the history show it: the customer's message, then each reply (its Graph API body) with its delivery state. */
export async function messagesOf(turn: HistoryRow, conversations: ConversationRepository) {
  const body = JSON.parse(turn.body) as HistoryBody;
  const incoming = body.event === undefined ? [] : [{
    id: turn.id, direction: 'in' as const, body: body.event, wamid: turn.wamid, outboxId: null,
    outboxState: null, deliveryStatus: null, errorCode: null, error: null, createdAt: turn.createdAt,
  }];
  const replies = await Promise.all(Array.from({ length: turn.outboxId === null ? 0 : body.replies }, async (_, index) => {
    const outboxId = turn.outboxId! + index;
    const state = await conversations.replyState(outboxId);
    return {
      id: turn.id, direction: turn.direction === 'agent' ? 'agent' as const : 'bot' as const,
      body: state ? JSON.parse(state.body) as object : null, wamid: state?.wamid ?? null, outboxId,
      outboxState: state?.outboxState ?? null, deliveryStatus: state?.deliveryStatus ?? null, errorCode: state?.errorCode ?? null,
      error: state?.error ?? null, createdAt: turn.createdAt,
      ...(turn.direction === 'agent' && body.agent !== undefined && { agent: body.agent }),
    };
  }));
  return [...incoming, ...replies];
}
