import type { InboundEvent, MediaKind } from '../core/types.ts';
import type { WebhookMedia, WebhookMessage } from './webhook-types.ts';

/** Webhook media types and the runtime kind each becomes (a voice note is audio). */
const MEDIA_TYPES: ReadonlyMap<string, MediaKind> = new Map([
  ['image', 'image'],
  ['video', 'video'],
  ['audio', 'audio'],
  ['voice', 'audio'],
  ['document', 'document'],
  ['sticker', 'sticker'],
]);

/**
 * Turns one webhook `messages[]` item into a runtime event. Never throws: a
 * malformed or unknown item becomes `{ type: 'unsupported', detail }`, so a
 * waiting node re-prompts instead of the conversation failing.
 * @example webhookMessageToEvent({ type: 'text', text: { body: 'hola' }, ... }) // { type: 'text', text: 'hola' }
 */
export function webhookMessageToEvent(message: WebhookMessage): InboundEvent {
  const type = typeof message?.type === 'string' ? message.type : '';
  const media = MEDIA_TYPES.get(type);
  if (media !== undefined) return mediaEvent(media, (message as unknown as Record<string, unknown>)[type]);
  switch (type) {
    case 'text':
      return typeof message.text?.body === 'string'
        ? { type: 'text', text: message.text.body }
        : unsupported('text message without text.body');
    case 'interactive':
      return interactiveEvent(message.interactive);
    case 'button':
      return typeof message.button?.text === 'string'
        ? { type: 'template_button', payload: message.button.payload ?? message.button.text, text: message.button.text }
        : unsupported('button message without button.text');
    case 'location':
      return locationEvent(message.location);
    case 'contacts':
      return Array.isArray(message.contacts)
        ? { type: 'contacts', contacts: message.contacts }
        : unsupported('contacts message without contacts[]');
    case 'reaction':
      return typeof message.reaction?.message_id === 'string'
        ? { type: 'reaction', messageId: message.reaction.message_id, emoji: message.reaction.emoji ?? '' }
        : unsupported('reaction without message_id');
    case 'system':
      return message.system?.body === undefined ? { type: 'system' } : { type: 'system', body: message.system.body };
    case 'unsupported':
      return unsupported(describeErrors(message) ?? 'unsupported');
    case 'order':
      return orderEvent(message.order);
    default:
      return unsupported(`message type "${type}"`);
  }
}

/** A catalog cart: its items with numeric quantities and prices; an item without a product id is skipped. */
function orderEvent(order: Record<string, unknown> | undefined): InboundEvent {
  if (typeof order?.catalog_id !== 'string' || !Array.isArray(order.product_items)) return unsupported('order without catalog_id and product_items');
  const items = (order.product_items as Array<Record<string, unknown>>).flatMap((item) => (typeof item?.product_retailer_id === 'string' ? [{
    productRetailerId: item.product_retailer_id, quantity: Number(item.quantity) || 0, itemPrice: Number(item.item_price) || 0,
    currency: typeof item.currency === 'string' ? item.currency : '',
  }] : []));
  return { type: 'order', catalogId: order.catalog_id, ...(typeof order.text === 'string' ? { text: order.text } : {}), items };
}

function unsupported(detail: string): InboundEvent {
  return { type: 'unsupported', detail };
}

function describeErrors(message: WebhookMessage): string | undefined {
  const first = Array.isArray(message.errors) ? message.errors[0] : undefined;
  return first === undefined ? undefined : `${first.code} ${first.title ?? first.message ?? ''}`.trim();
}

function mediaEvent(kind: MediaKind, body: unknown): InboundEvent {
  const item = body as Partial<WebhookMedia> | undefined;
  if (typeof item?.id !== 'string') return unsupported(`${kind} message without a media id`);
  return {
    type: 'media',
    media: kind,
    mediaId: item.id,
    ...(item.mime_type === undefined ? {} : { mimeType: item.mime_type }),
    ...(item.caption === undefined ? {} : { caption: item.caption }),
    ...(item.filename === undefined ? {} : { filename: item.filename }),
  };
}

function locationEvent(location: WebhookMessage['location']): InboundEvent {
  const latitude = Number(location?.latitude);
  const longitude = Number(location?.longitude);
  if (location === undefined || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
    return unsupported('location without numeric latitude and longitude');
  }
  return {
    type: 'location',
    latitude,
    longitude,
    ...(location.name === undefined ? {} : { name: location.name }),
    ...(location.address === undefined ? {} : { address: location.address }),
  };
}

function interactiveEvent(interactive: WebhookMessage['interactive']): InboundEvent {
  switch (interactive?.type) {
    case 'button_reply': {
      const reply = interactive.button_reply;
      return typeof reply?.id === 'string'
        ? { type: 'button_reply', id: reply.id, title: reply.title ?? '' }
        : unsupported('button_reply without id');
    }
    case 'list_reply': {
      const reply = interactive.list_reply;
      if (typeof reply?.id !== 'string') return unsupported('list_reply without id');
      return {
        type: 'list_reply',
        id: reply.id,
        title: reply.title ?? '',
        ...(reply.description === undefined ? {} : { description: reply.description }),
      };
    }
    case 'nfm_reply':
      return formReplyEvent(interactive.nfm_reply?.response_json);
    default:
      return unsupported(`interactive type "${String(interactive?.type)}"`);
  }
}

/** `response_json` is JSON inside a string: parse it, and lift out the flow_token the form carries back. */
function formReplyEvent(responseJson: unknown): InboundEvent {
  let response: unknown;
  try {
    response = typeof responseJson === 'string' ? JSON.parse(responseJson) : undefined;
  } catch {
    return unsupported('nfm_reply response_json is not valid JSON');
  }
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    return unsupported('nfm_reply response_json is not a JSON object');
  }
  const fields = response as Record<string, unknown>;
  const flowToken = fields.flow_token;
  return typeof flowToken === 'string'
    ? { type: 'form_reply', response: fields, flowToken }
    : { type: 'form_reply', response: fields };
}
