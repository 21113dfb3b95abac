import { createLiveTestApp, PHONE_NUMBER_ID, pizzeria, WABA_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { sampleTemplates } from '../testing/sample-templates.ts';
import { statusWebhook, textWebhook } from '../testing/webhook-body.ts';

const HOUR = 3_600_000;
const CUSTOMER = '5491155550123';

let t: LiveTestApp;
beforeEach(async () => {
  t = await createLiveTestApp();
});
afterEach(() => t.close());

/** A message Meta stamped `hoursAgo` hours ago, delivered now (a late webhook retry). */
async function sayLate(text: string, hoursAgo: number, wamid: string) {
  const timestamp = Math.floor((Date.now() - hoursAgo * HOUR) / 1000);
  expect((await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid, text, timestamp }))).statusCode).toBe(200);
  await t.settle();
}

describe('the 24-hour window, measured from the message\'s own timestamp', () => {
  it('never answers free-form a message stamped 25 hours ago: the replies are held, visibly', async () => {
    await sayLate('hola', 25, 'wamid.LATE1');
    expect(t.graph.requests).toEqual([]);
    const held = t.rows<{ state: string; error: string }>('SELECT state, error FROM outbox');
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((row) => row.state === 'held' && row.error.startsWith('window closed'))).toBe(true);

    const [conversation] = (await t.app.inject({ url: '/api/conversations?status=active', headers: t.auth() })).json() as
      Array<{ windowOpen: boolean; lastUserMessageAt: number; messages: Array<{ direction: string; outboxState: string | null; error: string | null }> }>;
    expect(conversation!.windowOpen).toBe(false);
    expect(Date.now() - conversation!.lastUserMessageAt).toBeGreaterThan(25 * HOUR - 60_000);
    expect(conversation!.messages.filter((message) => message.direction === 'bot').map((message) => message.outboxState)).toEqual(held.map(() => 'held'));
    expect((await t.app.inject({ url: '/metrics' })).body).toContain(`charla_outbox_window_closed_total ${held.length}`);
  });

  it('sends the held replies, in order, before the next answer once the customer writes again', async () => {
    await sayLate('hola', 25, 'wamid.LATE4');
    const held = t.rows<{ body: string }>('SELECT body FROM outbox WHERE state = \'held\' ORDER BY id').map((row) => JSON.parse(row.body) as object);
    expect(held.length).toBeGreaterThan(0);
    await sayLate('¿hola?', 0, 'wamid.BACK4');
    expect(t.graph.requests.slice(0, held.length).map((request) => request.body)).toEqual(held);
    expect(t.graph.requests.length).toBeGreaterThan(held.length);
    expect(t.rows('SELECT count(*) AS count FROM outbox WHERE state <> \'sent\'')).toEqual([{ count: 0 }]);
    expect((await t.app.inject({ url: '/metrics' })).body).toContain(`charla_outbox_held_released_total ${held.length}`);
  });

  it('sends the flow\'s fallback template instead, with its parameters rendered', async () => {
    const document = pizzeria();
    document.settings = { ...document.settings, fallbackTemplate: { name: 'retomar_pedido', language: 'es_AR', bodyParameters: { '1': '{{contact.name}}' } } };
    // Publishing checks the template on the number's WABA (docs/templates.md §3).
    t.graph.management.setTemplates(WABA_ID, sampleTemplates());
    await t.publish(document);
    await sayLate('hola', 25, 'wamid.LATE2');
    expect(t.graph.requests.map((request) => request.body)).toEqual([{
      messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${CUSTOMER}`, type: 'template',
      template: { name: 'retomar_pedido', language: { policy: 'deterministic', code: 'es_AR' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Cliente' }] }] },
    }]);
    expect(t.graph.requests[0]!.wamid).toBeDefined();
  });

  it('answers free-form a message stamped 23 hours ago', async () => {
    await sayLate('hola', 23, 'wamid.LATE3');
    expect(t.graph.requests.length).toBeGreaterThan(0);
    expect(t.graph.requests.every((request) => request.body.type !== 'template' && request.wamid !== undefined)).toBe(true);
  });
});

describe('Meta refusing a message for a closed window (131047)', () => {
  const fallbackFlow = () => {
    const document = pizzeria();
    document.settings = { ...document.settings, fallbackTemplate: { name: 'retomar_pedido', language: 'es_AR', bodyParameters: { '1': '{{contact.name}}' } } };
    return document;
  };
  const deliveryOf = async (outboxId: number) => {
    const [conversation] = (await t.app.inject({ url: '/api/conversations?status=active', headers: t.auth() })).json() as
      Array<{ messages: Array<{ outboxId: number | null; outboxState: string | null; deliveryStatus: string | null }> }>;
    return conversation!.messages.find((message) => message.outboxId === outboxId);
  };

  it('sends the fallback template the reply carries, which is delivered; the refused reply waits for the customer', async () => {
    t.graph.management.setTemplates(WABA_ID, sampleTemplates());
    await t.publish(fallbackFlow());
    t.graph.answerNext('outside_window');
    await sayLate('hola', 1, 'wamid.R1');
    const refused = t.graph.requests[0]!;
    const template = t.graph.requests.find((request) => request.body.type === 'template')!;
    expect(template.body).toEqual({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${CUSTOMER}`, type: 'template',
      template: { name: 'retomar_pedido', language: { policy: 'deterministic', code: 'es_AR' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Cliente' }] }] },
    });
    expect(t.graph.requests.filter((request) => request.body.type === 'template')).toHaveLength(1);
    const [templateRow] = t.rows<{ id: number }>('SELECT id FROM outbox WHERE body LIKE \'%"template"%\'');
    const posted = await t.postWebhook(statusWebhook(PHONE_NUMBER_ID, [{ wamid: template.wamid!, status: 'delivered', recipientId: CUSTOMER }]));
    expect(posted.statusCode).toBe(200);
    expect(await deliveryOf(templateRow!.id)).toMatchObject({ outboxState: 'sent', deliveryStatus: 'delivered' });
    expect(t.rows<{ state: string; error_code: number }>('SELECT state, error_code FROM outbox ORDER BY id')[0]).toEqual({ state: 'held', error_code: 131047 });
    expect((await t.app.inject({ url: '/metrics' })).body).toContain('charla_outbox_fallback_on_refusal_total 1');

    await sayLate('sí', 0, 'wamid.R2');
    expect(t.graph.requests.filter((request) => JSON.stringify(request.body) === JSON.stringify(refused.body))).toHaveLength(2);
  });

  it('without a fallback template holds the refused reply; the customer writes and it is delivered', async () => {
    t.graph.answerNext('outside_window');
    await sayLate('hola', 1, 'wamid.R3');
    const refused = t.graph.requests[0]!;
    expect(t.graph.requests.every((request) => request.body.type !== 'template')).toBe(true);
    const [held] = t.rows<{ id: number; state: string }>('SELECT id, state FROM outbox WHERE error_code = 131047');
    expect(held).toMatchObject({ state: 'held' });
    expect(await deliveryOf(held!.id)).toMatchObject({ outboxState: 'held' });

    await sayLate('¿hola?', 0, 'wamid.R4');
    const resent = t.graph.requests.findLast((request) => JSON.stringify(request.body) === JSON.stringify(refused.body))!;
    expect(resent).not.toBe(refused);
    await t.postWebhook(statusWebhook(PHONE_NUMBER_ID, [{ wamid: resent.wamid!, status: 'delivered', recipientId: CUSTOMER }]));
    expect(await deliveryOf(held!.id)).toMatchObject({ outboxState: 'sent', deliveryStatus: 'delivered' });
  });
});
