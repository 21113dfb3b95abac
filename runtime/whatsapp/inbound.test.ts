import type { InboundEvent } from '../core/types.ts';
import { webhookMessageToEvent } from './inbound.ts';
import { readWebhook } from './read-webhook.ts';
import { oracle, samplePayloads } from './testdata/oracle.ts';
import type { WebhookMessage } from './webhook-types.ts';

/** What each sample payload in testdata/payloads must convert to. */
const expectedEvents: Record<string, InboundEvent[]> = {
  text: [{ type: 'text', text: 'Hola, quiero pedir una pizza 🍕' }],
  batch: [{ type: 'text', text: 'menu' }, { type: 'text', text: 'Olá, bom dia' }],
  button_reply: [{ type: 'button_reply', id: 'pedido', title: 'Hacer pedido' }],
  list_reply: [{ type: 'list_reply', id: 'muzzarella', title: 'Muzzarella', description: 'Salsa de tomate y muzzarella' }],
  button_template: [{ type: 'template_button', payload: 'CONFIRMAR_TURNO', text: 'Confirmar' }],
  image: [{ type: 'media', media: 'image', mediaId: '1234567890123456', mimeType: 'image/jpeg', caption: 'Mi comprobante' }],
  location: [{ type: 'location', latitude: -34.6037, longitude: -58.3816, name: 'Obelisco', address: 'Av. 9 de Julio s/n, CABA' }],
  reaction: [{ type: 'reaction', messageId: 'wamid.HBgNNTQ5MTE1NTU1MDEyMxUCABEYEjVDQTY0RjA5RkE5MzcxOUE3NwA=', emoji: '👍' }],
  unsupported: [{ type: 'unsupported', detail: '131051 Message type unknown' }],
  nfm_reply: [{
    type: 'form_reply',
    flowToken: 'ft_9b1f2c7e',
    response: { flow_token: 'ft_9b1f2c7e', nombre: 'Sofía', direccion: 'Av. Corrientes 1234', horario: '20:30', acepta_terminos: true },
  }],
  status_delivered: [],
  status_failed_131047: [],
  status_read: [],
};

const base = { from: '5491155550123', id: 'wamid.X', timestamp: '1764000000' };
const msg = (fields: Record<string, unknown>) => ({ ...base, ...fields }) as unknown as WebhookMessage;

describe('sample webhooks (testdata/payloads)', () => {
  const samples = samplePayloads();

  it('has an expectation for every sample file', () => {
    expect(samples.map((s) => s.name).sort()).toEqual(Object.keys(expectedEvents).sort());
  });

  it.each(samples)('$name validates against Meta\'s WebhookPayload schema', ({ body }) => {
    const validate = oracle('WebhookPayload');
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(samples)('$name converts to the expected events', ({ name, body }) => {
    const read = readWebhook(body);
    expect(read.messages.map((m) => m.event)).toEqual(expectedEvents[name]);
    expect(read.ignored).toEqual([]);
  });

  it('keeps routing facts: number, contact name, wamid, ms timestamp, context', () => {
    const body = samples.find((s) => s.name === 'button_reply')!.body;
    const [message] = readWebhook(body).messages;
    expect(message).toMatchObject({
      phoneNumberId: '106540352242922',
      displayPhoneNumber: '15550783881',
      contact: { waId: '5491155550123', name: 'Sofía Ramírez' },
      wamid: 'wamid.HBgNNTQ5MTE1NTU1MDEyMxUCABIYFDNBMDJCQzc2RjU1RkFDN0Y5MTFBAA==',
      timestamp: 1_764_000_000_000,
      context: { from: '15550783881', id: 'wamid.HBgNNTQ5MTE1NTU1MDEyMxUCABEYEjVDQTY0RjA5RkE5MzcxOUE3NwA=' },
    });
  });

  it('matches each message of a batch with its own contact, and reads its statuses', () => {
    const read = readWebhook(samples.find((s) => s.name === 'batch')!.body);
    expect(read.messages.map((m) => m.contact)).toEqual([
      { waId: '5491155550123', name: 'Sofía Ramírez' },
      { waId: '5511955550188', name: 'João Silva' },
    ]);
    expect(read.statuses).toEqual([{
      phoneNumberId: '106540352242922',
      wamid: 'wamid.HBgNNTQ5MTE1NTU1MDEyMxUCABEYEjVDQTY0RjA5RkE5MzcxOUE3NwA=',
      status: 'sent',
      timestamp: 1_764_000_099_000,
      recipientId: '5491155550123',
    }]);
  });

  it('reads a failed status with its errors', () => {
    const [status] = readWebhook(samples.find((s) => s.name === 'status_failed_131047')!.body).statuses;
    expect(status).toMatchObject({ status: 'failed', errors: [{ code: 131047 }] });
  });
});

describe('webhookMessageToEvent', () => {
  it.each([
    ['video', { type: 'video', video: { id: 'v1', mime_type: 'video/mp4' } }, { type: 'media', media: 'video', mediaId: 'v1', mimeType: 'video/mp4' }],
    ['audio', { type: 'audio', audio: { id: 'a1' } }, { type: 'media', media: 'audio', mediaId: 'a1' }],
    ['voice as audio', { type: 'voice', voice: { id: 'n1', mime_type: 'audio/ogg' } }, { type: 'media', media: 'audio', mediaId: 'n1', mimeType: 'audio/ogg' }],
    ['document', { type: 'document', document: { id: 'd1', filename: 'factura.pdf' } }, { type: 'media', media: 'document', mediaId: 'd1', filename: 'factura.pdf' }],
    ['sticker', { type: 'sticker', sticker: { id: 's1', animated: false } }, { type: 'media', media: 'sticker', mediaId: 's1' }],
    ['contacts', { type: 'contacts', contacts: [{ name: { formatted_name: 'Ana' } }] }, { type: 'contacts', contacts: [{ name: { formatted_name: 'Ana' } }] }],
    ['system', { type: 'system', system: { body: 'User changed number' } }, { type: 'system', body: 'User changed number' }],
    ['an order without items', { type: 'order', order: { catalog_id: '1' } }, { type: 'unsupported', detail: 'order without catalog_id and product_items' }],
    ['an order', {
      type: 'order', order: { catalog_id: '1234567890', text: 'sin aceitunas', product_items: [{ product_retailer_id: 'muzza-grande', quantity: 2, item_price: 9000, currency: 'ARS' }] },
    }, { type: 'order', catalogId: '1234567890', text: 'sin aceitunas', items: [{ productRetailerId: 'muzza-grande', quantity: 2, itemPrice: 9000, currency: 'ARS' }] }],
    ['an unknown type', { type: 'hologram' }, { type: 'unsupported', detail: 'message type "hologram"' }],
    ['a prototype key as type', { type: 'constructor' }, { type: 'unsupported', detail: 'message type "constructor"' }],
    ['a removed reaction', { type: 'reaction', reaction: { message_id: 'wamid.Y' } }, { type: 'reaction', messageId: 'wamid.Y', emoji: '' }],
    ['a template button without payload', { type: 'button', button: { text: 'Sí' } }, { type: 'template_button', payload: 'Sí', text: 'Sí' }],
  ])('converts %s', (_name, fields, expected) => {
    expect(webhookMessageToEvent(msg(fields))).toEqual(expected);
  });

  it.each([
    ['broken JSON', '{"flow_token": ', 'nfm_reply response_json is not valid JSON'],
    ['a JSON array', '[1,2]', 'nfm_reply response_json is not a JSON object'],
    ['JSON null', 'null', 'nfm_reply response_json is not a JSON object'],
  ])('turns an nfm_reply with %s into an unsupported event, never a throw', (_name, responseJson, detail) => {
    const event = webhookMessageToEvent(msg({ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { response_json: responseJson } } }));
    expect(event).toEqual({ type: 'unsupported', detail });
  });

  it('accepts a form reply without a flow_token (the runtime rejects it against its own)', () => {
    const event = webhookMessageToEvent(msg({ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{"a":1}' } } }));
    expect(event).toEqual({ type: 'form_reply', response: { a: 1 } });
  });

  it.each([
    ['text without body', { type: 'text', text: {} }],
    ['image without id', { type: 'image', image: { mime_type: 'image/png' } }],
    ['location without coordinates', { type: 'location', location: { name: 'x' } }],
    ['an unknown interactive type', { type: 'interactive', interactive: { type: 'carousel' } }],
    ['interactive without body', { type: 'interactive' }],
    ['button_reply without id', { type: 'interactive', interactive: { type: 'button_reply', button_reply: {} } }],
  ])('reports %s as unsupported', (_name, fields) => {
    expect(webhookMessageToEvent(msg(fields)).type).toBe('unsupported');
  });
});

describe('readWebhook on odd bodies', () => {
  it.each([null, 'text', 42, [], {}, { entry: 'x' }])('reports %j as ignored, never throws', (body) => {
    expect(readWebhook(body)).toEqual({ messages: [], statuses: [], ignored: [{ field: '(body)', reason: 'not a webhook body: no entry[]' }] });
  });

  it('ignores other fields and malformed items, keeping the good ones', () => {
    const good = { from: '1', id: 'wamid.ok', timestamp: '10', type: 'text', text: { body: 'hi' } };
    const read = readWebhook({
      object: 'whatsapp_business_account',
      entry: [
        { id: '1', changes: [{ field: 'flows', value: { event: 'FLOW_STATUS_CHANGE' } }, 'junk'] },
        { id: '2' },
        { id: '3', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp' } }] },
        {
          id: '4',
          changes: [{
            field: 'messages',
            value: {
              metadata: { phone_number_id: 'P', display_phone_number: 'D' },
              messages: [good, { id: 'wamid.bad' }, { ...good, id: 'wamid.t', timestamp: 'soon' }, null],
              statuses: [{ id: 'wamid.s' }],
              errors: [{ code: 131000, title: 'Something went wrong' }],
            },
          }],
        },
      ],
    });
    expect(read.messages.map((m) => [m.wamid, m.contact, m.timestamp])).toEqual([['wamid.ok', { waId: '1' }, 10_000]]);
    expect(read.ignored).toEqual([
      { field: 'flows', reason: 'field not handled' },
      { field: '(change)', reason: 'change is not an object' },
      { field: '(entry)', reason: 'entry without changes[]' },
      { field: 'messages', reason: 'value without metadata.phone_number_id' },
      { field: 'messages', reason: 'message without from, from_user_id or id' },
      { field: 'messages', reason: 'message wamid.t has no valid timestamp' },
      { field: 'messages', reason: 'message is not an object' },
      { field: 'messages', reason: 'status without id or status' },
      { field: 'messages', reason: 'webhook error 131000 Something went wrong' },
    ]);
  });
});
