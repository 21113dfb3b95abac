import { ADMIN_TOKEN_PRINCIPAL } from '../../schema/api/roles.ts';
import { loadFixtureFlow } from '../../fixtures/index.ts';
import { startFakeGraph } from '../testing/fake-graph.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, WABA_ID } from '../testing/live-test-app.ts';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { sampleTemplates } from '../testing/sample-templates.ts';
import { createTestApp } from '../testing/test-app.ts';
import { textWebhook } from '../testing/webhook-body.ts';

// The editor-side repositories and the live path, through the HTTP API, on each store: the SQLite
// file and PostgreSQL (CHARLA_DATABASE_URL; embedded unless CHARLA_TEST_DATABASE_URL is set). One
// PostgreSQL server for the file, a fresh database per test.

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 120_000);
afterAll(() => postgres?.stop());

const stores: Array<[string, () => Promise<Record<string, string>>]> = [
  ['SQLite', async () => ({})],
  ['PostgreSQL', async () => ({ CHARLA_DATABASE_URL: await postgres.freshDatabase() })],
];

describe.each(stores)('on %s', (_name, storeEnv) => {
  it('drafts, revisions, versions, the live pointer, tokens, channels and simulations', async () => {
    const graph = await startFakeGraph();
    const t = await createTestApp({ ...await storeEnv(), WHATSAPP_GRAPH_URL: graph.url });
    try {
      const { app } = t;
      const request = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, token?: string) => {
        const response = await app.inject({ method, url, headers: t.auth(token), ...(payload ? { payload } : {}) });
        return { status: response.statusCode, body: response.body === '' ? undefined : response.json() };
      };
      const pizzeria = loadFixtureFlow('pizzeria');

      expect((await request('POST', '/api/flows', pizzeria)).status).toBe(201);
      expect((await request('POST', '/api/flows', pizzeria)).body).toMatchObject({ code: 'flow_exists' });
      const saved = await request('PUT', '/api/flows/pizzeria', { document: { ...pizzeria, name: 'Pizzería 2' }, revision: 1 });
      expect(saved.body).toMatchObject({ revision: 2 });
      expect((await request('PUT', '/api/flows/pizzeria', { document: pizzeria, revision: 1 })).body)
        .toMatchObject({ code: 'revision_conflict', currentRevision: 2, updatedBy: ADMIN_TOKEN_PRINCIPAL, updatedAt: expect.any(Number) });
      expect((await request('GET', '/api/flows')).body).toEqual([{
        id: 'pizzeria', name: 'Pizzería 2', revision: 2, liveVersion: null, updatedAt: expect.any(Number), updatedBy: ADMIN_TOKEN_PRINCIPAL,
      }]);

      expect((await request('POST', '/api/flows/pizzeria/versions', { note: 'first' })).body).toMatchObject({ version: 1 });
      expect((await request('POST', '/api/flows/pizzeria/versions', {})).body).toMatchObject({ code: 'draft_unchanged' });
      await request('PUT', '/api/flows/pizzeria', { document: pizzeria, revision: 2 });
      expect((await request('POST', '/api/flows/pizzeria/versions', {})).body).toMatchObject({ version: 2 });
      expect((await request('PUT', '/api/flows/pizzeria/live', { version: 1 })).status).toBe(200);
      const versions = (await request('GET', '/api/flows/pizzeria/versions')).body as Array<{ version: number; live: boolean; note: string | null }>;
      expect(versions.map(({ version, live, note }) => ({ version, live, note }))).toEqual([
        { version: 2, live: false, note: null }, { version: 1, live: true, note: 'first' },
      ]);
      expect((await request('DELETE', '/api/flows/pizzeria')).body).toMatchObject({ code: 'flow_published' });

      const created = await request('POST', '/api/tokens', { name: 'Lucía', role: 'tester' });
      const { id, token } = created.body as { id: string; token: string };
      expect((await request('GET', '/api/flows', undefined, token)).status).toBe(200);
      expect((await request('DELETE', `/api/tokens/${id}`)).status).toBe(204);
      expect((await request('GET', '/api/flows', undefined, token)).body).toMatchObject({ code: 'invalid_token' });

      const bound = await request('PUT', '/api/channels/whatsapp/106540352242922', { flowId: 'pizzeria', accessToken: 'EAAG-token', appSecret: 'own', wabaId: WABA_ID });
      expect(bound.body).toMatchObject({ phoneNumberId: '106540352242922', hasAccessToken: true, hasAppSecret: true, state: 'active' });
      // The live version's form was published at Meta on the number's WABA, and its id stored (meta_flows).
      expect((await request('GET', '/api/flows/pizzeria/meta-flows')).body).toMatchObject([{ version: 1, wabaId: WABA_ID, nodeId: 'formulario_envio', status: 'PUBLISHED' }]);
      graph.management.setTemplates(WABA_ID, sampleTemplates());
      expect((await request('POST', '/api/templates/sync')).body).toMatchObject({ results: [{ wabaId: WABA_ID, templates: 4 }] });
      graph.management.setTemplates(WABA_ID, sampleTemplates().slice(1));
      await request('POST', '/api/templates/sync');
      expect(((await request('GET', `/api/templates?wabaId=${WABA_ID}`)).body as Array<{ name: string }>).map((template) => template.name))
        .toEqual(['pedido_enviado', 'promo_invierno', 'retomar_pedido']);
      expect((await request('GET', '/api/channels')).body).toMatchObject([{ phoneNumberId: '106540352242922', lastWebhookAt: null, tokenProblem: null }]);
      expect(await app.charla.channels.resolve('106540352242922')).toMatchObject({ accessToken: 'EAAG-token', appSecret: 'own' });

      const simulation = await request('POST', '/api/flows/pizzeria/simulations', { source: 'draft' });
      const { simulationId } = simulation.body as { simulationId: string };
      const turn = await request('POST', `/api/simulations/${simulationId}/messages`, { type: 'text', text: { body: 'hola' } });
      expect(turn.status).toBe(200);
      expect((turn.body as { messages: unknown[] }).messages.length).toBeGreaterThan(0);

      await request('POST', '/api/flows', { ...pizzeria, id: 'borrador', name: 'Borrador' });
      expect((await request('DELETE', '/api/flows/borrador')).status).toBe(204);
      expect((await request('GET', '/healthz')).body).toEqual({ status: 'ok' });
    } finally {
      await t.close();
      await graph.close();
    }
  }, 60_000);

  it('answers a customer through the webhook, the turn and the outbox', async () => {
    const t = await createLiveTestApp(await storeEnv());
    try {
      const response = await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: '5491155550123', wamid: 'wamid.both.1', text: 'hola', name: 'Ana' }));
      expect(response.statusCode).toBe(200);
      await t.settle();
      const replies = t.graph.requests.filter((sent) => sent.body.to === '+5491155550123');
      expect(replies.length).toBeGreaterThan(0);
      // The same wamid again is a duplicate: nothing more is sent.
      await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: '5491155550123', wamid: 'wamid.both.1', text: 'hola', name: 'Ana' }));
      await t.settle();
      expect(t.graph.requests.filter((sent) => sent.body.to === '+5491155550123')).toHaveLength(replies.length);
      const conversation = await t.app.live.store.conversations.byContact(PHONE_NUMBER_ID, '5491155550123');
      expect(conversation).toMatchObject({ contactName: 'Ana', flowId: 'pizzeria' });
    } finally {
      await t.close();
    }
  }, 60_000);

  it('purges history older than CHARLA_RETENTION_DAYS in batches and keeps the conversation', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const t = await createLiveTestApp({ ...await storeEnv(), CHARLA_RETENTION_BATCH_SIZE: '2' }, { now: () => clock });
    const { database } = t.app.charla;
    const count = async (table: string): Promise<number> => database.sqlite
      ? (database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      : Number((await database.pool!.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    const say = async (wamid: string) => {
      await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: '5491155550123', wamid, text: 'menu', timestamp: Math.floor(clock / 1000) }));
      await t.settle();
    };
    try {
      for (const wamid of ['wamid.old.1', 'wamid.old.2', 'wamid.old.3']) await say(wamid);
      const old = { inbound: await count('inbound_messages'), history: await count('conversation_messages'), outbox: await count('outbox') };
      expect(old.inbound).toBe(3);
      clock += 91 * 24 * 60 * 60 * 1000;
      await say('wamid.recent');
      const recent = { history: await count('conversation_messages') - old.history, outbox: await count('outbox') - old.outbox };
      const report = await t.app.live.retention.purge();
      expect(report.deleted).toMatchObject({ inbound_messages: 3, conversation_messages: old.history, outbox: old.outbox });
      // Batches of at most 2 rows.
      expect(report.batches).toBeGreaterThanOrEqual(Math.ceil((3 + old.history + old.outbox) / 2));
      expect(await count('inbound_messages')).toBe(1);
      expect(await count('conversation_messages')).toBe(recent.history);
      expect(await count('outbox')).toBe(recent.outbox);
      expect(await t.app.live.store.conversations.byContact(PHONE_NUMBER_ID, '5491155550123')).toMatchObject({ flowId: 'pizzeria' });
    } finally {
      await t.close();
    }
  }, 60_000);
});
