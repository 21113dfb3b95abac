import { createLiveTestApp, PHONE_NUMBER_ID, pizzeria, WABA_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { sampleTemplates } from '../testing/sample-templates.ts';
import { textWebhook } from '../testing/webhook-body.ts';

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
