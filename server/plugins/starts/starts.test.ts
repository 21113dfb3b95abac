import { createLiveTestApp, PHONE_NUMBER_ID, WABA_ID, type LiveTestApp } from '../../testing/live-test-app.ts';
import { startTemplates } from '../../testing/sample-templates.ts';
import { textWebhook } from '../../testing/webhook-body.ts';

const CUSTOMER = '5491155550123';
const BSUID = 'AR.13491208655302741918';

let t: LiveTestApp;
beforeAll(async () => {
  t = await createLiveTestApp({ CHARLA_OUTBOX_RATE: '2' });
  // The number's WABA, as Meta lists it: read the first time a start names one of its templates.
  t.graph.management.setTemplates(WABA_ID, startTemplates());
});
afterAll(() => t.close());

/** The pizzería asks the size of a pizza the customer chose on the web: their reply answers the size menu. */
const sizeReminder = (phone: string, extra: Record<string, unknown> = {}) => ({
  contact: { phone, name: 'Ana' },
  template: { name: 'pedido_pendiente', language: 'es_AR', bodyParameters: { '1': '{{contact.name}}', '2': '{{pizza}}' } },
  variables: { pizza: 'Napolitana', pizza_id: 'napolitana' },
  nodeId: 'menu_tamano',
  ...extra,
});

function start(body: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/start', headers: { ...t.auth(), ...headers }, payload: body as object });
}

describe('POST /api/flows/:id/start', () => {
  it('sends the template on the live version, then the customer\'s reply continues the flow at the node named', async () => {
    const response = await start(sizeReminder(CUSTOMER));
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ flowId: 'pizzeria', version: 1, phoneNumberId: PHONE_NUMBER_ID, nodeId: 'menu_tamano' });
    await t.settle();
    // The fake Graph API refuses any body that breaks Meta's schema (the oracle).
    expect(t.graph.requests.at(-1)).toMatchObject({ body: {
      to: `+${CUSTOMER}`, type: 'template',
      template: { name: 'pedido_pendiente', language: { policy: 'deterministic', code: 'es_AR' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: 'Napolitana' }] }] },
    } });
    expect(t.graph.requests.at(-1)!.wamid).toBeDefined();
    const [conversation] = (await t.app.inject({ url: '/api/conversations?status=active', headers: t.auth() })).json() as Array<{ windowOpen: boolean; contactName: string }>;
    // Only the customer's reply opens the 24-hour window.
    expect(conversation).toMatchObject({ windowOpen: false, contactName: 'Ana' });

    const sent = t.graph.requests.length;
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.START-REPLY', text: 'Grande' }));
    await t.settle();
    // "Grande" answered the size menu (not the welcome): the flow asks for the name next.
    expect(t.graph.requests.slice(sent).map((request) => (request.body as { text?: { body: string } }).text?.body)).toEqual(['¿A nombre de quién hacemos el pedido?']);
  });

  it('honours Idempotency-Key: the same request answers the same conversation, another one under the key is a 409', async () => {
    const body = sizeReminder('5491155550200');
    const first = await start(body, { 'idempotency-key': 'pedido-200' });
    const again = await start(body, { 'idempotency-key': 'pedido-200' });
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual(first.json());
    await t.settle();
    expect(t.graph.requests.filter((request) => (request.body as { to?: string }).to === '+5491155550200')).toHaveLength(1);

    const other = await start(sizeReminder('5491155550201'), { 'idempotency-key': 'pedido-200' });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused', conversationId: first.json().conversationId });
    expect(t.rows('SELECT * FROM conversation_starts WHERE idempotency_key = ?', 'pedido-200')).toHaveLength(1);
  });

  it('starts a contact known only by their business-scoped user id, addressed as `recipient`', async () => {
    // Without a name, {{contact.name}} renders empty: a template Meta would refuse is never queued.
    const unnamed = await start({ ...sizeReminder(CUSTOMER), contact: { userId: BSUID } });
    expect(unnamed.json()).toMatchObject({ code: 'bad_request', message: expect.stringContaining('template.body.1') });
    const response = await start({ ...sizeReminder(CUSTOMER), contact: { userId: BSUID, name: 'Ana' } });
    expect(response.statusCode).toBe(202);
    await t.settle();
    expect(t.graph.requests.at(-1)!.body).toMatchObject({ recipient: BSUID, type: 'template' });
    expect(t.graph.requests.at(-1)!.body).not.toHaveProperty('to');
  });

  it('refuses a template Meta would not send from the number: not approved, not in that language, unknown (422, nothing queued)', async () => {
    const sent = t.graph.requests.length;
    const refusal = async (template: Record<string, unknown>, locale = 'es') => {
      const response = await t.app.inject({
        method: 'POST', url: '/api/flows/pizzeria/start', headers: { ...t.auth(), 'accept-language': locale },
        payload: { contact: { phone: '5491155550300' }, template },
      });
      expect(response.statusCode).toBe(422);
      return response.json() as { code: string; message: string; problems: Array<{ code: string; pointer: string; message: string }> };
    };
    const pending = await refusal({ name: 'promo_invierno', language: 'es_AR' });
    expect(pending).toMatchObject({ code: 'start_template_invalid', problems: [{ code: 'template_not_approved', pointer: '/template/name' }] });
    expect(pending.message).toContain('promo_invierno');
    expect(pending.problems[0]!.message).toContain('PENDING');
    const english = await refusal({ name: 'pedido_pendiente', language: 'en_US', bodyParameters: { '1': 'Ana', '2': 'pizza' } }, 'en');
    expect(english.problems).toMatchObject([{ code: 'template_language_missing', pointer: '/template/language' }]);
    expect(english.problems[0]!.message).toContain('es_AR');
    expect((await refusal({ name: 'no_existe', language: 'es_AR' })).problems).toMatchObject([{ code: 'template_not_found' }]);
    expect((await refusal({ name: 'pedido_pendiente', language: 'es_AR', bodyParameters: { '1': 'Ana' } })).problems)
      .toMatchObject([{ code: 'template_parameters_mismatch', pointer: '/template/bodyParameters' }]);
    await t.settle();
    expect(t.graph.requests.length).toBe(sent);
    expect(t.rows('SELECT count(*) AS count FROM conversations WHERE wa_id = \'5491155550300\'')).toEqual([{ count: 0 }]);
  });

  it('refuses a contact in a conversation, a node the flow lacks, no contact id, and testers', async () => {
    const running = await start(sizeReminder(CUSTOMER));
    expect(running.statusCode).toBe(409);
    expect(running.json()).toMatchObject({ code: 'conversation_in_progress', status: 'active' });
    expect((await start(sizeReminder('5491155550300', { nodeId: 'no_existe' }))).json()).toMatchObject({ code: 'node_not_found' });
    expect((await start({ ...sizeReminder('5491155550300'), contact: {} })).json()).toMatchObject({ code: 'bad_request' });
    expect((await t.app.inject({ method: 'POST', url: '/api/flows/nada/start', headers: t.auth(), payload: sizeReminder('5491155550300') })).statusCode).toBe(404);
    const tester = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: 'QA', role: 'tester' } })).json() as { token: string };
    expect((await start(sizeReminder('5491155550300'), t.auth(tester.token))).statusCode).toBe(403);
    const analyst = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: 'Campañas', role: 'analyst' } })).json() as { token: string };
    expect((await start(sizeReminder('5491155550300'), t.auth(analyst.token))).statusCode).toBe(202);
  });

  it('paces the templates within the number\'s sending rate (the outbox\'s limiter: 2 per second here)', async () => {
    await t.settle();
    const before = t.graph.requests.length;
    const startedAt = Date.now();
    for (const suffix of ['401', '402', '403', '404', '405']) expect((await start(sizeReminder(`5491155550${suffix}`))).statusCode).toBe(202);
    await t.graph.waitForRequests(before + 5);
    // A burst of one second's worth (2), then one every 500 ms: five take at least 1.5 s.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1_400);
  });
});
