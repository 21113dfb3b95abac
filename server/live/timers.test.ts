import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlowDocument, NodeOf } from '../../schema/index.ts';
import { startFakeGraph, type FakeGraph } from '../testing/fake-graph.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, WABA_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { publishFlow, waitForDrain } from '../testing/publish-fixture.ts';
import { spawnServer, type SpawnedServer } from '../testing/spawn-server.ts';
import { signedHeaders, textWebhook } from '../testing/webhook-body.ts';

const FLOW_TEXT = readFileSync(new URL('./testdata/recordatorio.json', import.meta.url), 'utf8');
const QUESTION = '¿Cómo te llamás?';
const REMINDER = '¿Seguís ahí? Decime tu nombre y seguimos.';
const SECRET = 'timers-app-secret';
const ADMIN = 'timers-admin-token';
const CUSTOMER = '5491155550123';

const textsSent = (graph: FakeGraph) => graph.requests.map((request) => (request.body.text as { body?: string } | undefined)?.body);

/** Resolves with the time the first request whose text is `text` arrived at the fake Graph API. */
async function arrivalOf(graph: FakeGraph, text: string): Promise<number> {
  for (let count = 1; ; count += 1) {
    await graph.waitForRequests(count);
    if (textsSent(graph)[count - 1] === text) return Date.now();
  }
}

describe('durable timers on the live path', () => {
  let t: LiveTestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('sends a question\'s timeout reminder about 2 s later with no inbound message', { timeout: 20_000 }, async () => {
    t = await createLiveTestApp();
    await t.publish(JSON.parse(FLOW_TEXT) as FlowDocument);
    const bind = await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'recordatorio' } });
    expect(bind.statusCode).toBe(200);
    const wrote = Date.now();
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.T1', text: 'hola' }));
    await arrivalOf(t.graph, QUESTION);
    const reminded = await arrivalOf(t.graph, REMINDER);
    expect(reminded - wrote).toBeGreaterThanOrEqual(2000);
    expect(reminded - wrote).toBeLessThan(8000);
    await t.settle();
    expect(textsSent(t.graph)).toEqual([QUESTION, REMINDER, '¿Tu nombre?']);
    expect(t.rows('SELECT state, action FROM timers WHERE action LIKE \'%timeout%\'')).toEqual([
      { state: 'fired', action: JSON.stringify({ type: 'leave', nodeId: 'pregunta', output: 'timeout' }) },
    ]);
    // The reminder's turn left the question: the session expiry it had set is cancelled, a new one pending.
    expect(t.rows<{ state: string }>('SELECT state FROM timers WHERE action LIKE \'%expire%\' ORDER BY id').map((row) => row.state)).toEqual(['cancelled', 'pending']);
  });

  it('an answer in time cancels the reminder: it is marked, never fired', { timeout: 20_000 }, async () => {
    t = await createLiveTestApp();
    await t.publish(JSON.parse(FLOW_TEXT) as FlowDocument);
    await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'recordatorio' } });
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.C1', text: 'hola' }));
    await arrivalOf(t.graph, QUESTION);
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.C2', text: 'Ana' }));
    await arrivalOf(t.graph, '¡Gracias, Ana!');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(textsSent(t.graph)).not.toContain(REMINDER);
    expect(t.rows('SELECT state FROM timers WHERE action LIKE \'%timeout%\'')).toEqual([{ state: 'cancelled' }]);
  });

  it('a reminder due after the 24-hour window closed sends the fallback template, or records its messages not sent when the flow has none', { timeout: 20_000 }, async () => {
    let clock = Date.now();
    t = await createLiveTestApp({}, { now: () => clock });
    const flow = JSON.parse(FLOW_TEXT) as FlowDocument;
    await t.publish(flow);
    await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'recordatorio' } });
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: '5491100000001', wamid: 'wamid.W1', text: 'hola' }));
    await t.settle();
    // Version 2 has a fallback template; the second customer's conversation is pinned to it.
    flow.settings = { ...flow.settings, fallbackTemplate: { name: 'retomar_charla', language: 'es_AR', bodyParameters: { '1': '{{contact.name}}' } } };
    // The question's own fallback wins over the flow's: its reminder is what falls due.
    const question = flow.nodes.find((node) => node.id === 'pregunta') as NodeOf<'question'>;
    question.data.fallbackTemplate = { name: 'recordatorio_nombre', language: 'es_AR', bodyParameters: { '1': '{{contact.name}}' } };
    // Publishing checks both templates on the number's WABA (docs/templates.md §3).
    t.graph.management.setTemplates(WABA_ID, ['retomar_charla', 'recordatorio_nombre'].map((name, index) => ({
      id: String(700 + index), name, language: 'es_AR', category: 'UTILITY', status: 'APPROVED', components: [{ type: 'BODY', text: 'Hola {{1}}, ¿seguimos?' }],
    })));
    await t.publish(flow);
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: '5491100000002', wamid: 'wamid.W2', text: 'hola', name: 'Beto' }));
    await t.settle();
    expect(textsSent(t.graph)).toEqual([QUESTION, QUESTION]);

    // The server was down for a day: both reminders are due, the customers' windows closed.
    clock += 25 * 3_600_000;
    await t.graph.waitForRequests(3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await t.settle();
    expect(t.graph.requests.slice(2).map((request) => request.body)).toEqual([{
      messaging_product: 'whatsapp', recipient_type: 'individual', to: '+5491100000002', type: 'template',
      template: { name: 'recordatorio_nombre', language: { policy: 'deterministic', code: 'es_AR' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Beto' }] }] },
    }]);
    expect(t.graph.requests[2]!.wamid).toBeDefined();
    expect(t.rows('SELECT state FROM timers WHERE action LIKE \'%timeout%\' ORDER BY id')).toEqual([{ state: 'fired' }, { state: 'fired' }]);
    // Without a fallback the reminder is recorded, visibly not sent (a reminder is moot once the customer writes again).
    const notSent = t.rows<{ state: string; error: string; body: string }>('SELECT state, error, body FROM outbox WHERE state <> \'sent\'');
    expect(notSent.length).toBeGreaterThan(0);
    expect(notSent.every((row) => row.state === 'not_sent' && row.error.startsWith('window closed') && row.body.includes('5491100000001'))).toBe(true);
    expect(t.rows('SELECT count(*) AS count FROM outbox WHERE state = \'sent\'')).toEqual([{ count: 3 }]);
    expect((await t.app.inject({ url: '/metrics' })).body).toContain('charla_timers_window_closed_total 1');
  });

  it('a server SIGKILLed before the reminder falls due sends it once after a restart', { timeout: 90_000 }, async () => {
    const graph = await startFakeGraph();
    const dir = mkdtempSync(join(tmpdir(), 'charla-timers-'));
    const dbPath = join(dir, 'charla.db');
    const env = {
      CHARLA_DB: dbPath, WHATSAPP_APP_SECRET: SECRET, CHARLA_ADMIN_TOKEN: ADMIN, WHATSAPP_GRAPH_URL: graph.url,
      WHATSAPP_ACCESS_TOKEN: 'timers-token', CHARLA_LOG_LEVEL: 'warn',
    };
    let server: SpawnedServer | undefined;
    try {
      server = await spawnServer('server/testing/serve-live.ts', env);
      await publishFlow(server.url, ADMIN, FLOW_TEXT, PHONE_NUMBER_ID);
      const body = textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.K1', text: 'hola' });
      expect((await fetch(`${server.url}/webhooks/whatsapp`, { method: 'POST', headers: signedHeaders(body, SECRET), body })).status).toBe(200);
      await arrivalOf(graph, QUESTION);
      // The question's send recorded (not in flight, which would hold the conversation's next send for a status).
      await waitForDrain(server.url);
      server.process.kill('SIGKILL');
      await server.exited;
      expect(textsSent(graph)).toEqual([QUESTION]);

      server = await spawnServer('server/testing/serve-live.ts', env);
      await arrivalOf(graph, REMINDER);
      // Long enough for a second firing (a claim not recorded, a timer fired twice) to show.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      server.process.kill('SIGTERM');
      await server.exited;
      expect(textsSent(graph).filter((text) => text === REMINDER)).toHaveLength(1);
      const sqlite = new Database(dbPath, { readonly: true });
      expect(sqlite.prepare(`SELECT state FROM timers WHERE action LIKE '%timeout%'`).all()).toEqual([{ state: 'fired' }]);
      sqlite.close();
    } finally {
      if (server && server.process.exitCode === null) server.process.kill('SIGKILL');
      await graph.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an agent\'s reply from the inbox', () => {
  let t: LiveTestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('cancels the handoff\'s unanswered timer: the bot does not take the conversation back', { timeout: 20_000 }, async () => {
    t = await createLiveTestApp();
    const flow = JSON.parse(FLOW_TEXT) as FlowDocument;
    flow.startNodeId = 'mostrador';
    flow.nodes.push(
      { id: 'mostrador', type: 'handoff', position: { x: 0, y: 400 }, data: { text: 'Te paso con el mostrador.', unansweredSeconds: 2 } },
      { id: 'sin_agente', type: 'message', position: { x: 300, y: 400 }, data: { text: 'Perdón la demora.' } },
    );
    flow.edges.push({ id: 'e6', source: 'mostrador', sourceHandle: 'unanswered', target: 'sin_agente' });
    await t.publish(flow);
    await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'recordatorio' } });
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.A1', text: 'hola' }));
    await arrivalOf(t.graph, 'Te paso con el mostrador.');
    await t.settle();
    expect(t.rows('SELECT status FROM conversations')).toEqual([{ status: 'handoff' }]);
    const id = t.rows<{ id: number }>('SELECT id FROM conversations')[0]!.id;
    const sent = await t.app.inject({ method: 'POST', url: `/api/conversations/${id}/messages`, headers: t.auth(), payload: { text: 'Hola, soy Marta' } });
    expect(sent.statusCode, sent.body).toBe(202);
    await t.settle();
    expect(t.rows('SELECT state FROM timers WHERE action LIKE \'%unanswered%\'')).toEqual([{ state: 'cancelled' }]);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await t.settle();
    expect(textsSent(t.graph)).toEqual(['Te paso con el mostrador.', 'Hola, soy Marta']);
    expect(t.rows('SELECT status FROM conversations')).toEqual([{ status: 'handoff' }]);
  });
});
