import type { GraphMessage, InboundMessage } from '../api/types.ts';
import type { Translate } from '../i18n/index.ts';
import type { ChatEntry } from './chat-entry.ts';
import type { messages } from './messages.ts';

/**
 * What the simulated customer can do that is not writing an answer: react to a message, edit or delete
 * one they sent, open the chat. Whether the bot takes one as an answer is the server's call (the live
 * rule, runtime/whatsapp/non-answer.ts), returned as the turn's `nonAnswer`; this only draws them.
 */
export type CustomerEvent = Extract<InboundMessage, { type: 'reaction' | 'edit' | 'revoke' | 'request_welcome' }>;

const EVENT_TYPES: ReadonlySet<string> = new Set<CustomerEvent['type']>(['reaction', 'edit', 'revoke', 'request_welcome']);
export const isCustomerEvent = (message: InboundMessage): message is CustomerEvent => EVENT_TYPES.has(message.type);

/** What the events did to earlier bubbles, by entry id: the customer's reaction, the new text of an edit, a deletion. */
export interface BubbleMark { reaction?: string; edited?: string; deleted?: boolean }

/** Each bubble's marks after every event so far (a later reaction replaces an earlier one, an empty one removes it). */
export function bubbleMarks(entries: readonly ChatEntry[]): Map<string, BubbleMark> {
  const marks = new Map<string, BubbleMark>();
  const mark = (id: string, patch: BubbleMark) => marks.set(id, { ...marks.get(id), ...patch });
  for (const entry of entries) {
    if (entry.from !== 'user') continue;
    const { message } = entry;
    if (message.type === 'reaction') mark(message.reaction.message_id, { reaction: message.reaction.emoji === '' ? undefined : message.reaction.emoji });
    if (message.type === 'edit') mark(message.edit.original_message_id, { edited: message.edit.message.text.body });
    if (message.type === 'revoke') mark(message.revoke.original_message_id, { deleted: true });
  }
  return marks;
}

const PREVIEW_LENGTH = 40;

/** The start of what a bubble says, to name it in an event's line. */
export function bubblePreview(entry: ChatEntry | undefined): string {
  const text = entry === undefined || entry.from === 'system' ? '' : entry.from === 'bot' ? botText(entry.message) : userText(entry.message);
  const characters = [...text.replace(/\s+/gu, ' ').trim()];
  return characters.length > PREVIEW_LENGTH ? `${characters.slice(0, PREVIEW_LENGTH - 1).join('').trimEnd()}…` : characters.join('');
}

function botText(message: GraphMessage): string {
  const media = message.image ?? message.video ?? message.document ?? message.audio;
  return message.text?.body ?? message.interactive?.body?.text ?? media?.caption ?? message.location?.name
    ?? message.contacts?.[0]?.name.formatted_name ?? message.template?.name ?? message.type;
}

function userText(message: InboundMessage): string {
  return message.type === 'text' ? message.text.body : message.type;
}

/**
 * The transcript's line for an event, naming the bubble it concerns; `nonAnswer` (set by the server) adds
 * that the bot did not take it as an answer.
 * @example eventText({ type: 'reaction', reaction: { message_id: 'm1', emoji: '👍' } }, '¿Qué querés?', true, t) // 'Reaccionaste 👍 a «¿Qué querés?» · no es una respuesta: …'
 */
export function eventText(event: CustomerEvent, target: string, nonAnswer: boolean, t: Translate<(typeof messages)['es']>): string {
  const line = (() => {
    switch (event.type) {
      case 'reaction':
        return event.reaction.emoji === '' ? t('eventReactionRemoved', { target }) : t('eventReaction', { emoji: event.reaction.emoji, target });
      case 'edit':
        return t('eventEdit', { text: event.edit.message.text.body });
      case 'revoke':
        return t('eventRevoke', { target });
      case 'request_welcome':
        return t('eventWelcome');
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  })();
  return nonAnswer ? `${line} · ${t('eventNotAnswer')}` : line;
}
