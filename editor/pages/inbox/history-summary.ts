import type { InboundEvent } from '../../../runtime/core/types.ts';
import type { ConversationMessage, GraphMessage } from '../../api/types.ts';
import { inboundSummary } from './inbound-summary.ts';
import type { InboxTranslate, MessageSummary } from './message-summary.ts';
import { outboundSummary } from './outbound-summary.ts';

/**
 * A history line of `GET /api/conversations`: the customer's lines hold the runtime's InboundEvent,
 * the bot's and agents' the Graph API body that was sent.
 * @example historySummary({ direction: 'in', body: { type: 'button_reply', id: 'si', title: 'Sí' }, createdAt: 0 }, t).text // 'Sí'
 */
export function historySummary(message: ConversationMessage, t: InboxTranslate): MessageSummary {
  const body = message.body;
  if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
    return { label: t('unknownType', { type: '?' }) };
  }
  return message.direction === 'in' ? inboundSummary(body as InboundEvent, t) : outboundSummary(body as GraphMessage, t);
}
