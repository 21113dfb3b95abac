import type { Conversation, ConversationMessage } from '../api/types.ts';

/**
 * A conversation line as the inbox API sends it, from the fields a test cares about.
 * @example conversationMessage({ direction: 'in', body: { type: 'text', text: 'hola' }, createdAt: 0 })
 */
export function conversationMessage(fields: Partial<ConversationMessage> & Pick<ConversationMessage, 'direction' | 'createdAt'>): ConversationMessage {
  return { id: 1, body: null, wamid: null, outboxId: null, outboxState: null, deliveryStatus: null, errorCode: null, error: null, ...fields };
}

/** A conversation waiting for a person, as the inbox API sends it, from the fields a test cares about. */
export function handoffConversation(fields: Partial<Conversation> & Pick<Conversation, 'id' | 'waId'>): Conversation {
  return {
    phoneNumberId: '100200300', userId: null, username: null, contactName: null, flowId: 'pizzeria', flowVersion: 1, status: 'handoff',
    lastUserMessageAt: 0, updatedAt: 0, windowOpen: true, handoffSince: null, messages: [], ...fields,
  };
}
