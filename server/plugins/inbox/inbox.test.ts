import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_TOKEN_PRINCIPAL } from '../../../schema/api/roles.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, pizzeria, WABA_ID, type LiveTestApp } from '../../testing/live-test-app.ts';
import { sampleTemplates } from '../../testing/sample-templates.ts';
import { textWebhook } from '../../testing/webhook-body.ts';

const SOFIA = '5491155550123';
const HOUR = 3_600_000;

let t: LiveTestApp;
let clock: number;
let notices: unknown[];
let inbox: Server;

beforeEach(async () => {
  notices = [];
  inbox = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      notices.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => inbox.listen(0, '127.0.0.1', resolve));
  clock = Date.UTC(2026, 10, 24, 20, 0);
  t = await createLiveTestApp(
    { CHARLA_HANDOFF_WEBHOOK_URL: `http://127.0.0.1:${(inbox.address() as AddressInfo).port}/charla` },
    { now: () => clock },
  );
});
afterEach(async () => {
  await t.close();
  await new Promise((resolve) => inbox.close(resolve));
});

let sequence = 0;
async function say(text: string) {
  expect((await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: SOFIA, wamid: `wamid.I${++sequence}`, text, name: 'Sofía' }))).statusCode).toBe(200);
  await t.settle();
}

async function handoff(): Promise<number> {
  await say('hola');
  await say('Hablar con alguien');
  const list = await t.app.inject({ url: '/api/conversations?status=handoff', headers: t.auth() });
  expect(list.statusCode).toBe(200);
  return (list.json() as Array<{ id: number }>)[0]!.id;
}

const texts = () => t.graph.requests.map((request) => (request.body.text as { body?: string } | undefined)?.body).filter(Boolean);

describe('inbox', () => {
  it('lists conversations waiting for a person with their recent messages, and notifies the handoff URL', async () => {
    const id = await handoff();
    const [conversation] = (await t.app.inject({ url: '/api/conversations?status=handoff', headers: t.auth() })).json() as Array<Record<string, unknown> & { messages: Array<{ direction: string; body: Record<string, unknown>; deliveryStatus: string | null; outboxState: string | null }> }>;
    expect(conversation).toMatchObject({ id, waId: SOFIA, contactName: 'Sofía', status: 'handoff', flowId: 'pizzeria', flowVersion: 1, windowOpen: true });
    expect(conversation!.messages.filter((message) => message.direction === 'in').map((message) => message.body)).toEqual([
      { type: 'text', text: 'hola' }, { type: 'text', text: 'Hablar con alguien' },
    ]);
    expect(conversation!.messages.at(-1)).toMatchObject({ direction: 'bot', outboxState: 'sent', body: { type: 'text' } });
    await vi.waitFor(() => expect(notices).toHaveLength(1), { timeout: 10_000, interval: 20 });
    expect(notices[0]).toMatchObject({ event: 'handoff_started', conversationId: id, waId: SOFIA, queue: 'pedidos', nodeId: 'atencion_local', flowVersion: 1 });
    expect(JSON.stringify(conversation)).not.toContain('test-access-token');
  });

  it('tells when the conversation was handed to a person, which later customer messages do not move', async () => {
    await say('hola');
    clock += 60_000;
    const handedAt = clock;
    await say('Hablar con alguien');
    clock += 5 * 60_000;
    await say('¿Siguen ahí?');
    const [conversation] = (await t.app.inject({ url: '/api/conversations?status=handoff', headers: t.auth() })).json() as Array<Record<string, unknown>>;
    expect(conversation).toMatchObject({ handoffSince: handedAt, lastUserMessageAt: clock });
    expect(conversation!.updatedAt).toBe(clock);
  });

  it('sends an agent reply through the outbox inside the 24-hour window', async () => {
    const id = await handoff();
    const sent = await t.app.inject({ method: 'POST', url: `/api/conversations/${id}/messages`, headers: t.auth(), payload: { text: 'Hola Sofía, soy Marta del local' } });
    expect(sent.statusCode).toBe(202);
    await t.settle();
    expect(t.graph.requests.at(-1)!.body).toMatchObject({ to: `+${SOFIA}`, type: 'text', text: { body: 'Hola Sofía, soy Marta del local' } });
    // The history names who wrote it: the name of the token the agent signed in with.
    const [listed] = (await t.app.inject({ url: '/api/conversations?status=handoff', headers: t.auth() })).json() as Array<{ messages: Array<{ direction: string; agent?: string }> }>;
    expect(listed!.messages.filter((message) => message.direction === 'agent')).toEqual([expect.objectContaining({ agent: ADMIN_TOKEN_PRINCIPAL })]);
    expect(listed!.messages.filter((message) => message.agent !== undefined)).toHaveLength(1);
    // An agent may answer one message in particular: WhatsApp shows it quoted (reply context).
    const quoting = await t.app.inject({ method: 'POST', url: `/api/conversations/${id}/messages`, headers: t.auth(), payload: { text: 'Sobre esto:', replyTo: 'wamid.SOFIA-Q' } });
    expect(quoting.statusCode).toBe(202);
    await t.settle();
    expect(t.graph.requests.at(-1)!.body).toMatchObject({ context: { message_id: 'wamid.SOFIA-Q' }, text: { body: 'Sobre esto:' } });
  });

  it('holds an agent\'s messages after the 24-hour window closed, visibly, and sends them in order when the customer writes again', async () => {
    const id = await handoff();
    clock += 24 * HOUR + 1;
    const sentBefore = t.graph.requests.length;
    const write = (text: string) => t.app.inject({ method: 'POST', url: `/api/conversations/${id}/messages`, headers: t.auth(), payload: { text } });
    const late = await write('Ya tenemos tu pedido listo');
    expect(late.statusCode).toBe(202);
    expect(late.json()).toMatchObject({ held: true, fallbackOutboxId: null });
    const second = await write('¿Pasás a buscarlo?');
    expect(second.json()).toMatchObject({ held: true });
    await t.settle();
    expect(t.graph.requests.length).toBe(sentBefore);
    const [waiting] = (await t.app.inject({ url: '/api/conversations?status=handoff', headers: t.auth() })).json() as
      Array<{ windowOpen: boolean; messages: Array<{ direction: string; outboxState: string | null; error: string | null }> }>;
    expect(waiting!.windowOpen).toBe(false);
    expect(waiting!.messages.filter((message) => message.direction === 'agent').map((message) => message.outboxState)).toEqual(['held', 'held']);
    expect(waiting!.messages.at(-1)!.error).toMatch(/^window closed/);
    expect((await t.app.inject({ url: '/metrics' })).body).toContain('charla_outbox_window_closed_total 2');

    await say('Hola, ¿hay novedades?');
    // Before the bot's answer to the customer's message (here the welcome: the session had timed out).
    expect(texts().slice(-3, -1)).toEqual(['Ya tenemos tu pedido listo', '¿Pasás a buscarlo?']);
    const [after] = (await t.app.inject({ url: '/api/conversations?status=active', headers: t.auth() })).json() as
      Array<{ messages: Array<{ direction: string; outboxState: string | null; error: string | null }> }>;
    expect(after!.messages.filter((message) => message.direction === 'agent').map(({ outboxState, error }) => [outboxState, error])).toEqual([['sent', null], ['sent', null]]);
    expect((await t.app.inject({ url: '/metrics' })).body).toContain('charla_outbox_held_released_total 2');
  });

  it('sends the flow\'s fallback template once for an agent writing after the window closed; the messages follow the customer\'s reply', async () => {
    const document = pizzeria();
    document.settings = { ...document.settings, fallbackTemplate: { name: 'retomar_pedido', language: 'es_AR', bodyParameters: { '1': '{{contact.name}}' } } };
    t.graph.management.setTemplates(WABA_ID, sampleTemplates());
    await t.publish(document);
    const id = await handoff();
    clock += 25 * HOUR;
    const write = (text: string) => t.app.inject({ method: 'POST', url: `/api/conversations/${id}/messages`, headers: t.auth(), payload: { text } });
    const first = (await write('Ya tenemos tu pedido listo')).json() as { outboxId: number; held: boolean; fallbackOutboxId: number | null };
    expect(first).toMatchObject({ held: true, fallbackOutboxId: first.outboxId - 1 });
    expect((await write('¿Pasás a buscarlo?')).json()).toMatchObject({ held: true, fallbackOutboxId: null });
    await t.settle();
    expect(t.graph.requests.at(-1)!.body).toEqual({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${SOFIA}`, type: 'template',
      template: { name: 'retomar_pedido', language: { policy: 'deterministic', code: 'es_AR' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Sofía' }] }] },
    });
    expect(t.graph.requests.filter((request) => request.body.type === 'template')).toHaveLength(1);
    await say('Sí, decime');
    // Before the bot's answer to the customer's message (here the welcome: the session had timed out).
    expect(texts().slice(-3, -1)).toEqual(['Ya tenemos tu pedido listo', '¿Pasás a buscarlo?']);
  });

  it('hands the conversation back to the bot, which continues from `resolved`', async () => {
    const id = await handoff();
    const resolved = await t.app.inject({ method: 'POST', url: `/api/conversations/${id}/resolve`, headers: t.auth() });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ messages: 1 });
    await t.settle();
    expect(texts().at(-1)).toBe('¡Gracias por escribirnos! Que disfrutes tu pizza 🍕');
    const again = await t.app.inject({ method: 'POST', url: `/api/conversations/${id}/resolve`, headers: t.auth() });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conversation_not_in_handoff' });
  });

  describe('who may message a customer, and when', () => {
    const token = async (role: string) => ((await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: role, role } })).json() as { token: string }).token;
    const botConversation = async () => {
      await say('hola');
      const [conversation] = (await t.app.inject({ url: '/api/conversations?status=active', headers: t.auth() })).json() as Array<{ id: number; status: string }>;
      expect(conversation).toMatchObject({ status: 'active' });
      return conversation!.id;
    };
    const post = (url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

    it('refuses a tester with 403 on an active and on a handed-off conversation; nothing reaches the Graph API', async () => {
      const tester = t.auth(await token('tester'));
      const active = await botConversation();
      for (const response of [
        await post(`/api/conversations/${active}/messages`, tester, { text: 'soy un tester' }),
        await post(`/api/conversations/${active}/take-over`, tester),
      ]) {
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ code: 'forbidden', role: 'tester' });
      }
      const id = await handoff();
      expect((await post(`/api/conversations/${id}/messages`, tester, { text: 'soy un tester' })).statusCode).toBe(403);
      expect((await post(`/api/conversations/${id}/resolve`, tester)).statusCode).toBe(403);
      await t.settle();
      expect(texts()).not.toContain('soy un tester');
      expect(t.app.charla.sqlite!.prepare(`SELECT count(*) AS n FROM conversation_messages WHERE direction = 'agent'`).get()).toEqual({ n: 0 });
      // Testers still read the inbox.
      expect((await t.app.inject({ url: '/api/conversations?status=handoff', headers: tester })).statusCode).toBe(200);
    });

    it('refuses an agent message to a conversation the bot is running (409), until someone takes it over', async () => {
      const analyst = t.auth(await token('analyst'));
      const id = await botConversation();
      const prompt = t.graph.requests.at(-1)!.body;
      const early = await post(`/api/conversations/${id}/messages`, analyst, { text: 'Hola, soy Marta' });
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({ code: 'conversation_not_in_handoff' });

      const taken = await post(`/api/conversations/${id}/take-over`, analyst);
      expect(taken.statusCode).toBe(200);
      expect(taken.json()).toMatchObject({ id, status: 'handoff', handoffSince: clock });
      expect((await post(`/api/conversations/${id}/take-over`, analyst)).json()).toMatchObject({ code: 'conversation_not_with_bot' });

      // The bot stays quiet while the person answers.
      await say('¿hay pizza de anchoas?');
      const sentBefore = t.graph.requests.length;
      expect((await post(`/api/conversations/${id}/messages`, analyst, { text: 'Hola, soy Marta' })).statusCode).toBe(202);
      await t.settle();
      expect(t.graph.requests.length).toBe(sentBefore + 1);
      expect(texts().at(-1)).toBe('Hola, soy Marta');

      // Handing back asks again what the bot was waiting for.
      const resolved = await post(`/api/conversations/${id}/resolve`, analyst);
      expect(resolved.statusCode).toBe(200);
      await t.settle();
      expect(t.graph.requests.at(-1)!.body).toEqual(prompt);
      expect((await t.app.inject({ url: '/api/conversations?status=active', headers: analyst })).json()).toMatchObject([{ id, status: 'active' }]);
    });
  });

  it('answers 404 for an unknown conversation and 401 without a token', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/conversations/999/resolve', headers: t.auth() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/conversations/999/messages', headers: t.auth(), payload: { text: 'hola' } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/conversations?status=handoff' })).statusCode).toBe(401);
  });
});

describe('GET /metrics', () => {
  it('exposes the live counters and the latency histogram in Prometheus text format', async () => {
    await say('hola');
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: SOFIA, wamid: `wamid.I${sequence}`, text: 'hola' }));
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('charla_webhooks_received_total 2');
    expect(metrics.body).toContain('charla_inbound_duplicates_total 1');
    expect(metrics.body).toContain('charla_turns_total 1');
    expect(metrics.body).toMatch(/charla_outbox_sent_total [1-9]/);
    expect(metrics.body).toContain('charla_turn_latency_seconds_count 1');
    expect(metrics.body).toContain('# TYPE charla_turn_latency_seconds histogram');
  });
});
