import type { InboundEvent } from '../../../runtime/core/types.ts';
import { mediaSummary, type InboxTranslate, type MessageSummary } from './message-summary.ts';

type Describe<E> = (event: E, t: InboxTranslate) => MessageSummary;

/** A customer's message, as the server stores it (the runtime's InboundEvent): one describer per event type. */
const describers: { [K in InboundEvent['type']]: Describe<Extract<InboundEvent, { type: K }>> } = {
  text: (event) => ({ text: event.text }),
  button_reply: (event, t) => ({ icon: '↩', label: t('tappedButton'), text: event.title }),
  list_reply: (event, t) => ({
    icon: '☰', label: t('pickedRow'), text: event.title, ...(event.description ? { details: [event.description] } : {}),
  }),
  template_button: (event, t) => ({ icon: '↩', label: t('tappedButton'), text: event.text }),
  form_reply: (event, t) => {
    const answers = Object.entries(event.response)
      .filter(([field]) => field !== 'flow_token')
      .map(([field, value]) => `${field}: ${answerText(value)}`);
    return { icon: '▤', label: t('formSent'), details: answers.length > 0 ? answers : [t('formEmpty')] };
  },
  media: (event, t) => mediaSummary(event.media, event, t),
  location: (event, t) => {
    const coordinates = `${event.latitude.toFixed(5)}, ${event.longitude.toFixed(5)}`;
    return {
      icon: '◎', label: t('location'),
      ...(event.name ? { text: event.name } : {}),
      details: [...(event.address ? [event.address] : []), coordinates],
      link: { href: `https://www.openstreetmap.org/?mlat=${event.latitude}&mlon=${event.longitude}#map=17/${event.latitude}/${event.longitude}`, text: t('openMap') },
    };
  },
  contacts: (event, t) => ({
    icon: '☏',
    label: event.contacts.length === 1 ? t('contact') : t('contacts', { count: event.contacts.length }),
    details: event.contacts.map(contactLine),
  }),
  order: (event, t) => ({
    icon: '🛒', label: t('order'), ...(event.text ? { text: event.text } : {}),
    details: event.items.map((item) => `${item.quantity} × ${item.productRetailerId} (${item.itemPrice} ${item.currency})`),
  }),
  reaction: (event, t) => ({ label: event.emoji === '' ? t('reactionRemoved') : t('reaction', { emoji: event.emoji }) }),
  unsupported: (event, t) => ({ icon: '⚠', label: t('unsupported'), ...(event.detail ? { details: [event.detail] } : {}) }),
  system: (event, t) => ({ icon: 'ⓘ', label: t('system'), ...(event.body ? { text: event.body } : {}) }),
  handoff_resolved: (_event, t) => ({ label: t('handedBack') }),
  agent_replied: (_event, t) => ({ label: t('agentReplied') }),
  timer: (_event, t) => ({ icon: '◷', label: t('timerFired') }),
};

/**
 * What the customer sent, for the inbox. An event of a type this build does not know (stored by
 * a newer server) still shows its type rather than nothing.
 * @example inboundSummary({ type: 'button_reply', id: 'si', title: 'Sí' }, t) // { icon: '↩', label: 'Tapped the button', text: 'Sí' }
 */
export function inboundSummary(event: InboundEvent, t: InboxTranslate): MessageSummary {
  const describe = describers[event.type] as Describe<InboundEvent> | undefined;
  return describe ? describe(event, t) : { label: t('unknownType', { type: String((event as { type?: unknown }).type) }) };
}

/** A form answer on one line: lists joined, anything else as JSON. */
function answerText(value: unknown): string {
  if (Array.isArray(value)) return value.map(answerText).join(', ');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** A shared contact card (WhatsApp's `contacts[]` item): its name and phone numbers. */
function contactLine(contact: unknown): string {
  const card = (contact ?? {}) as { name?: { formatted_name?: string; first_name?: string }; phones?: Array<{ phone?: string; wa_id?: string }> };
  const name = card.name?.formatted_name ?? card.name?.first_name ?? '';
  const phones = (card.phones ?? []).map((phone) => phone.phone ?? (phone.wa_id ? `+${phone.wa_id}` : '')).filter(Boolean);
  return [name, ...phones].filter(Boolean).join(' · ');
}
