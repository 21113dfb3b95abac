import type { InboundEvent, Session } from '../../runtime/core/types.ts';
import type { ConversationRow, ConversationStore } from './conversation-store.ts';
import type { InboundStore } from './inbound-store.ts';
import type { OutboxItem, OutboxStore } from './outbox-store.ts';

export interface TurnToStore {
  conversation: ConversationRow | undefined;
  phoneNumberId: string;
  waId: string;
  contactName: string | null;
  flowId: string;
  version: number;
  session: Session;
  /** The customer message that caused the turn; absent for an agent's resolve. */
  inbound?: { wamid: string; event: InboundEvent; receivedAt: number };
  /** The Graph API body (JSON) of each reply, in order. */
  replies: string[];
  now: number;
}

export interface LiveStores {
  inbound: InboundStore;
  conversations: ConversationStore;
  outbox: OutboxStore;
}

/**
 * Writes a turn's outcome: the new session, the history, the replies in the outbox and the inbound
 * message marked processed. Run it inside one (group) transaction: all of it or none.
 * @example const queued = await groupCommit.run(() => storeTurn(stores, turn));
 */
export function storeTurn(stores: LiveStores, turn: TurnToStore): { conversationId: number; queued: OutboxItem[] } {
  const { conversation, inbound, now } = turn;
  const conversationId = stores.conversations.save({
    ...(conversation ? { id: conversation.id } : {}),
    phoneNumberId: turn.phoneNumberId,
    waId: turn.waId,
    contactName: turn.contactName ?? conversation?.contactName ?? null,
    flowId: turn.flowId,
    flowVersion: turn.version,
    status: turn.session.status,
    session: JSON.stringify(turn.session),
    lastUserMessageAt: inbound?.receivedAt ?? conversation?.lastUserMessageAt ?? now,
    updatedAt: now,
  }, conversation?.status);
  const queued = turn.replies.map((body): OutboxItem => {
    const id = stores.outbox.enqueue({ conversationId, phoneNumberId: turn.phoneNumberId, body, createdAt: now });
    return { id, conversationId, phoneNumberId: turn.phoneNumberId, body, attempts: 0, nextAttemptAt: now };
  });
  stores.conversations.addHistory({
    conversationId,
    direction: inbound ? 'in' : 'bot',
    body: { ...(inbound ? { event: inbound.event } : {}), replies: queued.length },
    ...(inbound ? { wamid: inbound.wamid } : {}),
    ...(queued[0] ? { outboxId: queued[0].id } : {}),
    createdAt: now,
  });
  if (inbound) stores.inbound.finish(inbound.wamid, { state: 'processed', error: null });
  return { conversationId, queued };
}
