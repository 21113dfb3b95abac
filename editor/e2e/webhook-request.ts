import { createHmac } from 'node:crypto';

/**
 * A WhatsApp webhook delivery of one customer text, signed like Meta signs it: HMAC-SHA256 of the
 * raw body bytes with the app secret, in `X-Hub-Signature-256`.
 */
export function signedTextWebhook(input: { phoneNumberId: string; from: string; name: string; text: string; appSecret: string; wamid: string }) {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{
      id: '102290129340398',
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550783881', phone_number_id: input.phoneNumberId },
          contacts: [{ profile: { name: input.name }, wa_id: input.from }],
          messages: [{ from: input.from, id: input.wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: input.text } }],
        },
      }],
    }],
  });
  const signature = `sha256=${createHmac('sha256', input.appSecret).update(body).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } };
}
