import { signatureHeader } from '../plugins/webhook/signature.ts';

/**
 * A webhook body carrying one text message, as Meta sends it (docs/whatsapp.md §1).
 * @example const body = textWebhook({ phoneNumberId: '1065', from: '5491155550123', wamid: 'wamid.1', text: 'hola' });
 */
export function textWebhook(message: { phoneNumberId: string; from: string; wamid: string; text: string; name?: string; timestamp?: number }): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{
      id: '102290129340398',
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550783881', phone_number_id: message.phoneNumberId },
          contacts: [{ profile: { name: message.name ?? 'Cliente' }, wa_id: message.from }],
          messages: [{
            from: message.from, id: message.wamid, timestamp: String(message.timestamp ?? Math.floor(Date.now() / 1000)),
            type: 'text', text: { body: message.text },
          }],
        },
      }],
    }],
  });
}

/** The headers Meta sends with a body signed by `secret`. */
export function signedHeaders(body: string, secret: string): Record<string, string> {
  return { 'content-type': 'application/json', 'x-hub-signature-256': signatureHeader(body, secret) };
}
