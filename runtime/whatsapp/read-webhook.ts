import type { Contact, InboundEvent } from '../core/types.ts';
import { webhookMessageToEvent } from './inbound.ts';
import type { WebhookError, WebhookMessage, WebhookStatus, WebhookValue } from './webhook-types.ts';

/** One user message found in a webhook, with everything needed to route and answer it. */
export interface WebhookInboundMessage {
  /** The business number it was sent to: selects the bot, and is the id replies are sent from. */
  phoneNumberId: string;
  displayPhoneNumber: string;
  contact: Contact;
  /** `wamid.…`: the dedupe key. */
  wamid: string;
  /** Milliseconds since the epoch (the webhook carries seconds). */
  timestamp: number;
  context?: { from?: string; id?: string };
  raw: WebhookMessage;
  event: InboundEvent;
  /**
   * A message the business typed in the WhatsApp Business app on the same number (`smb_message_echoes`,
   * coexistence): `contact` is the customer it went to. A person is answering: the bot steps aside.
   */
  echo?: true;
}

/** A delivery report about a message the business sent. */
export interface WebhookStatusUpdate {
  phoneNumberId: string;
  wamid: string;
  status: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** The phone number it went to, else the BSUID (`recipient_user_id`) when it was sent to one. */
  recipientId: string;
  errors?: WebhookError[];
  /** The `biz_opaque_callback_data` given on the send, echoed by Meta. */
  callbackData?: string;
  /** Meta's pricing of the message: `{ billable, pricing_model, category, type }`. */
  pricing?: Record<string, unknown>;
}

export interface WebhookIgnored {
  field: string;
  reason: string;
}

export interface ReadWebhookResult {
  messages: WebhookInboundMessage[];
  statuses: WebhookStatusUpdate[];
  ignored: WebhookIgnored[];
}

/**
 * Walks every `entry[]` and `changes[]` of a webhook body (batches hold up to
 * 1000 updates). Never throws: other `field`s and malformed items are listed
 * in `ignored` with the reason, so the caller can acknowledge and log them.
 * @example readWebhook(JSON.parse(rawBody)).messages[0].event // { type: 'text', text: 'hola' }
 */
export function readWebhook(body: unknown): ReadWebhookResult {
  const result: ReadWebhookResult = { messages: [], statuses: [], ignored: [] };
  const entries = isRecord(body) && Array.isArray(body.entry) ? body.entry : undefined;
  if (entries === undefined) {
    result.ignored.push({ field: '(body)', reason: 'not a webhook body: no entry[]' });
    return result;
  }
  for (const entry of entries) {
    const changes = isRecord(entry) && Array.isArray(entry.changes) ? entry.changes : undefined;
    if (changes === undefined) {
      result.ignored.push({ field: '(entry)', reason: 'entry without changes[]' });
      continue;
    }
    for (const change of changes) readChange(change, result);
  }
  return result;
}

function readChange(change: unknown, result: ReadWebhookResult): void {
  const field = isRecord(change) && typeof change.field === 'string' ? change.field : '(change)';
  if (field !== 'messages' && field !== 'smb_message_echoes') {
    result.ignored.push({ field, reason: isRecord(change) ? 'field not handled' : 'change is not an object' });
    return;
  }
  const value = (change as { value?: unknown }).value;
  const metadata = isRecord(value) && isRecord(value.metadata) ? value.metadata : undefined;
  if (metadata === undefined || typeof metadata.phone_number_id !== 'string') {
    result.ignored.push({ field, reason: 'value without metadata.phone_number_id' });
    return;
  }
  const typed = value as unknown as WebhookValue;
  const phoneNumberId = metadata.phone_number_id;
  const displayPhoneNumber = typeof metadata.display_phone_number === 'string' ? metadata.display_phone_number : '';
  for (const echo of arrayOf((typed as { message_echoes?: WebhookMessage[] }).message_echoes)) {
    const read = readEcho(echo, typed);
    if (typeof read === 'string') result.ignored.push({ field, reason: read });
    else result.messages.push({ phoneNumberId, displayPhoneNumber, ...read });
  }
  for (const message of arrayOf(typed.messages)) {
    const read = readMessage(message, typed);
    if (typeof read === 'string') result.ignored.push({ field, reason: read });
    else result.messages.push({ phoneNumberId, displayPhoneNumber, ...read });
  }
  for (const status of arrayOf(typed.statuses)) {
    const read = readStatus(status);
    if (typeof read === 'string') result.ignored.push({ field, reason: read });
    else result.statuses.push({ phoneNumberId, ...read });
  }
  for (const error of arrayOf(typed.errors)) {
    result.ignored.push({ field, reason: `webhook error ${String(error?.code)} ${error?.title ?? error?.message ?? ''}`.trim() });
  }
}

type MessagePart = Omit<WebhookInboundMessage, 'phoneNumberId' | 'displayPhoneNumber'>;

/** The message, or why it was skipped. */
function readMessage(message: WebhookMessage, value: WebhookValue): MessagePart | string {
  if (!isRecord(message)) return 'message is not an object';
  const waId = typeof message.from === 'string' ? message.from : '';
  const userId = typeof message.from_user_id === 'string' ? message.from_user_id : '';
  // A user with a username may come with only their business-scoped user id.
  if ((waId === '' && userId === '') || typeof message.id !== 'string') return 'message without from, from_user_id or id';
  const timestamp = secondsToMs(message.timestamp);
  if (timestamp === undefined) return `message ${message.id} has no valid timestamp`;
  const referral = referralOf(message);
  const contact: Contact = { ...contactIn(value, waId, userId), ...(referral ? { referral } : {}) };
  return {
    contact,
    wamid: message.id,
    timestamp,
    ...(isRecord(message.context) ? { context: message.context } : {}),
    raw: message,
    event: webhookMessageToEvent(message),
  };
}

/** Who a message is from (or, for an echo, to): the ids, and the name and username of its `contacts[]` entry. */
function contactIn(value: WebhookValue, waId: string, userId: string): Contact {
  const entry = arrayOf(value.contacts).find((contact) =>
    isRecord(contact) && ((waId !== '' && contact.wa_id === waId) || (userId !== '' && contact.user_id === userId)));
  const profile = isRecord(entry?.profile) ? entry.profile : undefined;
  return {
    waId,
    ...(userId !== '' ? { userId } : {}),
    ...(typeof profile?.username === 'string' && profile.username !== '' ? { username: profile.username } : {}),
    ...(typeof profile?.name === 'string' ? { name: profile.name } : {}),
  };
}

/** An `smb_message_echoes` item: sent by the business from the app to `to` (or `to_user_id`). */
function readEcho(echo: WebhookMessage, value: WebhookValue): MessagePart | string {
  if (!isRecord(echo)) return 'message echo is not an object';
  const { to, to_user_id: toUserId } = echo as { to?: unknown; to_user_id?: unknown };
  const waId = typeof to === 'string' ? to : '';
  const userId = typeof toUserId === 'string' ? toUserId : '';
  if ((waId === '' && userId === '') || typeof echo.id !== 'string') return 'message echo without to, to_user_id or id';
  const timestamp = secondsToMs(echo.timestamp);
  if (timestamp === undefined) return `message echo ${echo.id} has no valid timestamp`;
  const event = webhookMessageToEvent(echo);
  const text = event.type === 'text' ? event.text : echo.type;
  return {
    contact: contactIn(value, waId, userId), wamid: echo.id, timestamp, raw: echo, echo: true,
    event: { type: 'unsupported', detail: `smb_message_echo: ${text}` },
  };
}

/**
 * A click-to-WhatsApp ad's `referral` (source_url, source_id, source_type, headline, body, media_type,
 * ctwa_clid, …): its text fields, for `{{contact.referral.*}}`.
 */
export function referralOf(message: unknown): Record<string, string> | undefined {
  const referral = isRecord(message) ? message.referral : undefined;
  if (!isRecord(referral)) return undefined;
  const fields = Object.entries(referral).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return fields.length > 0 ? Object.fromEntries(fields) : undefined;
}

function readStatus(status: WebhookStatus): Omit<WebhookStatusUpdate, 'phoneNumberId'> | string {
  if (!isRecord(status)) return 'status is not an object';
  if (typeof status.id !== 'string' || typeof status.status !== 'string') return 'status without id or status';
  const timestamp = secondsToMs(status.timestamp);
  if (timestamp === undefined) return `status of ${status.id} has no valid timestamp`;
  return {
    wamid: status.id,
    status: status.status,
    timestamp,
    recipientId: typeof status.recipient_id === 'string' ? status.recipient_id
      : typeof status.recipient_user_id === 'string' ? status.recipient_user_id : '',
    ...(Array.isArray(status.errors) ? { errors: status.errors } : {}),
    ...(typeof status.biz_opaque_callback_data === 'string' ? { callbackData: status.biz_opaque_callback_data } : {}),
    ...(isRecord(status.pricing) ? { pricing: status.pricing } : {}),
  };
}

function secondsToMs(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}
