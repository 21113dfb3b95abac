import { signatureHeader } from '../plugins/webhook/signature.ts';

/** Meta's envelope around one `messages` change of the business number `phoneNumberId`. */
function webhookBody(phoneNumberId: string, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{
      id: '102290129340398',
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
          ...value,
        },
      }],
    }],
  });
}

/**
 * A webhook body carrying one text message, as Meta sends it (docs/whatsapp.md §1).
 * @example const body = textWebhook({ phoneNumberId: '1065', from: '5491155550123', wamid: 'wamid.1', text: 'hola' });
 */
export function textWebhook(message: { phoneNumberId: string; from: string; wamid: string; text: string; name?: string; timestamp?: number }): string {
  return webhookBody(message.phoneNumberId, {
    contacts: [{ profile: { name: message.name ?? 'Cliente' }, wa_id: message.from }],
    messages: [{
      from: message.from, id: message.wamid, timestamp: String(message.timestamp ?? Math.floor(Date.now() / 1000)),
      type: 'text', text: { body: message.text },
    }],
  });
}

/** The headers Meta sends with a body signed by `secret`. */
export function signedHeaders(body: string, secret: string): Record<string, string> {
  return { 'content-type': 'application/json', 'x-hub-signature-256': signatureHeader(body, secret) };
}

/** One delivery report in a status webhook; `callbackData` is echoed as `biz_opaque_callback_data`. */
export interface StatusItem {
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  recipientId: string;
  callbackData?: string;
  timestamp?: number;
  /** Meta's pricing object; a free service message by default, null for none. */
  pricing?: Record<string, unknown> | null;
  /** A failed status's errors[]. */
  errors?: Array<{ code: number; title: string }>;
}

/**
 * A webhook body carrying delivery statuses of messages the business sent (docs/whatsapp.md §1).
 * @example statusWebhook('1065', [{ wamid: 'wamid.X', status: 'delivered', recipientId: '5491155550123' }])
 */
export function statusWebhook(phoneNumberId: string, statuses: StatusItem[]): string {
  return webhookBody(phoneNumberId, {
    statuses: statuses.map((status) => ({
      id: status.wamid, status: status.status, timestamp: String(status.timestamp ?? Math.floor(Date.now() / 1000)),
      recipient_id: status.recipientId,
      ...(status.pricing === null ? {} : { pricing: status.pricing ?? { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' } }),
      ...(status.errors === undefined ? {} : { errors: status.errors }),
      ...(status.callbackData === undefined ? {} : { biz_opaque_callback_data: status.callbackData }),
    })),
  });
}

/**
 * A sample webhook body with every message stamped `at` (seconds): samples were recorded long ago,
 * and the 24-hour window is measured from the message's own timestamp.
 */
export function restampMessages(raw: string, at = Math.floor(Date.now() / 1000)): string {
  const body = JSON.parse(raw) as { entry?: Array<{ changes?: Array<{ value?: { messages?: Array<{ timestamp?: string }> } }> }> };
  for (const entry of body.entry ?? []) {
    for (const change of entry.changes ?? []) {
      for (const message of change.value?.messages ?? []) message.timestamp = String(at);
    }
  }
  return JSON.stringify(body);
}
