import type { InboundEvent } from '../core/types.ts';
import { webhookMessageToEvent } from './inbound.ts';
import type { WebhookMessage } from './webhook-types.ts';

/**
 * Webhook messages that are not the customer answering anything: reactions (and their removal),
 * edits, deletions (`revoke`), "chat opened" (`request_welcome`), call-permission replies,
 * system notices and errored items. They are recorded in the conversation but never run a waiting
 * node (no re-prompt, no retry spent). Returns what the history shows, or undefined for an answer.
 * @example nonAnswerEvent({ type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '' } }) // { kind: 'reaction_removed', ... }
 */
export function nonAnswerEvent(message: unknown): { kind: NonAnswerKind; event: InboundEvent } | undefined {
  const item = (message ?? {}) as Record<string, unknown> & { type?: unknown; errors?: unknown };
  const type = typeof item.type === 'string' ? item.type : '';
  const nested = (item[type] ?? {}) as Record<string, unknown>;
  const note = (kind: NonAnswerKind, detail: string) => ({ kind, event: { type: 'unsupported' as const, detail: `${kind}: ${detail}`.trim() } });
  // An item WhatsApp could not deliver whole (an errored interactive, an unsupported type) carries only errors[].
  if (Array.isArray(item.errors) && item.errors.length > 0 && item[type] === undefined) return note('errored', JSON.stringify(item.errors[0]));
  switch (type) {
    case 'reaction':
      return typeof nested.emoji === 'string' && nested.emoji !== ''
        ? { kind: 'reaction', event: { type: 'reaction', messageId: String(nested.message_id ?? ''), emoji: nested.emoji } }
        : note('reaction_removed', String(nested.message_id ?? ''));
    case 'edit':
      return note('edit', describeEdit(nested));
    case 'revoke':
      return note('revoke', String((nested as { original_message_id?: unknown }).original_message_id ?? ''));
    case 'request_welcome':
      return note('request_welcome', '');
    case 'system':
      return { kind: 'system', event: typeof nested.body === 'string' ? { type: 'system', body: nested.body } : { type: 'system' } };
    case 'interactive':
      return nested.type === 'call_permission_reply' ? note('call_permission_reply', String((nested.call_permission_reply as { response?: unknown } | undefined)?.response ?? '')) : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether a non-answer runs a turn after all: "chat opened" (`request_welcome`) with no conversation
 * running starts the flow's welcome; every other one (and that one mid-conversation) is only recorded.
 * The live processor and the simulator both ask this.
 */
export function nonAnswerStartsConversation(kind: NonAnswerKind, conversationRunning: boolean): boolean {
  return kind === 'request_welcome' && !conversationRunning;
}

/**
 * What a customer's webhook message does to a conversation that is (or is not) running: an answer runs a
 * turn with its event; a non-answer is only recorded, unless it starts the conversation (see above).
 * The simulator takes its messages through this, one at a time.
 */
export function customerMessageEvent(message: WebhookMessage, conversationRunning: boolean):
  { answers: true; event: InboundEvent } | { answers: false; nonAnswer: NonAnswerKind; event: InboundEvent } {
  const nonAnswer = nonAnswerEvent(message);
  if (!nonAnswer) return { answers: true, event: webhookMessageToEvent(message) };
  return nonAnswerStartsConversation(nonAnswer.kind, conversationRunning)
    ? { answers: true, event: nonAnswer.event }
    : { answers: false, nonAnswer: nonAnswer.kind, event: nonAnswer.event };
}

export type NonAnswerKind =
  | 'reaction' | 'reaction_removed' | 'edit' | 'revoke' | 'request_welcome' | 'system' | 'call_permission_reply' | 'errored';

function describeEdit(edit: Record<string, unknown>): string {
  const inner = (edit.message ?? {}) as { text?: { body?: unknown } };
  const text = typeof inner.text?.body === 'string' ? inner.text.body : '';
  return `${String(edit.original_message_id ?? '')} → ${text}`;
}
