import { loadFixtureFlow } from '../../../fixtures/index.ts';
import { startTestServer, type TestServer } from '../../../runtime/adapters/testdata/test-server.ts';
import { startFakeGraph } from '../../testing/fake-graph.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../../testing/test-app.ts';

const SECRET = 'clave-secreta-de-la-api';
const ANA = { waId: '5491155550123', name: 'Ana' };

let t: TestApp;
let priceApi: TestServer;
let priceRequests: Array<{ url: string; authorization: string | undefined }>;
let graph: Awaited<ReturnType<typeof startFakeGraph>>;

beforeEach(async () => {
  priceRequests = [];
  priceApi = await startTestServer((request, response) => {
    priceRequests.push({ url: request.url ?? '', authorization: request.headers.authorization });
    response.writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ data: { precio: 12500, disponible: true, demora_minutos: 35 } }));
  });
  graph = await startFakeGraph();
  t = await createTestApp({
    CHARLA_ALLOW_PRIVATE_HTTP: '1', CHARLA_SECRET_DONPEPE_API_KEY: SECRET, WHATSAPP_GRAPH_URL: graph.url,
  });
  const pizzeria = loadFixtureFlow('pizzeria');
  // The fixture's price API is on the internet; point it at the local fake.
  const nodes = pizzeria.nodes.map((node) => node.type === 'api_call'
    ? { ...node, data: { ...node.data, url: `${priceApi.origin}/precios?pizza={{pizza_id}}&tamano={{tamano}}` } }
    : node);
  await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: { ...pizzeria, nodes } });
});
afterEach(async () => {
  await t.close();
  await priceApi.close();
  await graph.close();
});

async function start(source: 'draft' | number, token?: string) {
  return t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/simulations', headers: t.auth(token), payload: { source, contact: ANA } });
}

async function say(simulationId: string, message: object) {
  const response = await t.app.inject({ method: 'POST', url: `/api/simulations/${simulationId}/messages`, headers: t.auth(), payload: message });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.body).not.toContain(SECRET);
  return response.json();
}

const text = (body: string) => ({ type: 'text', text: { body } });
const button = (id: string, title: string) => ({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } });
const row = (id: string, title: string) => ({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title } } });

describe('simulator', () => {
  it('orders a pizza on the pizzería draft end to end: Graph bodies out, API call run with its secret, never the Graph API', async () => {
    const started = await start('draft');
    expect(started.statusCode).toBe(201);
    const { simulationId, messages } = started.json();
    expect(messages).toEqual([]);

    const hello = await say(simulationId, text('hola'));
    expect(hello.activeNodeId).toBe('menu_principal');
    expect(hello.status).toBe('active');
    for (const body of hello.messages) expect(body).toMatchObject({ messaging_product: 'whatsapp', to: `+${ANA.waId}` });
    expect(JSON.stringify(hello.messages)).toContain('Hola Ana');
    expect(hello.messages.at(-1)).toMatchObject({ type: 'interactive', interactive: { type: 'button' } });
    expect(hello.trace.map((step: { nodeId: string }) => step.nodeId)).toEqual(['bienvenida', 'menu_principal']);

    const order = await say(simulationId, button('hacer_pedido', 'Hacer pedido'));
    expect(order.activeNodeId).toBe('menu_pizzas');
    expect(order.messages[0]).toMatchObject({ type: 'interactive', interactive: { type: 'list' } });
    const pizza = await say(simulationId, row('napolitana', 'Napolitana'));
    expect(pizza.variables).toMatchObject({ pizza: 'Napolitana', pizza_id: 'napolitana' });
    expect((await say(simulationId, text('grande'))).activeNodeId).toBe('pregunta_nombre');
    const form = await say(simulationId, text('Laura'));
    expect(form.activeNodeId).toBe('formulario_envio');
    const flowToken = form.messages[0].interactive.action.parameters.flow_token;
    expect(flowToken).toEqual(expect.any(String));

    const response = { flow_token: flowToken, direccion: 'Av. Corrientes 1234', piso: '3B', referencias: '', forma_pago: 'efectivo', horario: 'ya' };
    const done = await say(simulationId, {
      type: 'interactive',
      interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: JSON.stringify(response) } },
    });
    expect(priceRequests).toEqual([{ url: '/precios?pizza=napolitana&tamano=grande', authorization: `Bearer ${SECRET}` }]);
    expect(done.variables).toMatchObject({ precio: 12500, direccion: 'Av. Corrientes 1234', nombre: 'Laura' });
    expect(JSON.stringify(done.messages)).toContain('Total: $12500');
    expect(done.status).toBe('ended');
    expect(done.activeNodeId).toBeNull();

    const stored = t.app.charla.sqlite!.prepare('SELECT session FROM simulations WHERE id = ?').get(simulationId) as { session: string };
    expect(JSON.parse(stored.session)).toMatchObject({ status: 'ended', version: 'draft', flowId: 'pizzeria' });
    expect(stored.session).not.toContain(SECRET);
    expect(graph.requests).toEqual([]);
  });

  it('takes reactions, edits, deletions and "chat opened" as live does: shown, never an answer, no retry spent', async () => {
    const { simulationId } = (await start('draft')).json();
    await say(simulationId, text('hola'));
    const nonAnswers: Array<[string, object]> = [
      ['reaction', { type: 'reaction', reaction: { message_id: 'sim-bot-1', emoji: '👍' } }],
      ['reaction_removed', { type: 'reaction', reaction: { message_id: 'sim-bot-1', emoji: '' } }],
      ['edit', { type: 'edit', edit: { original_message_id: 'sim-user-1', message: { type: 'text', text: { body: 'buenas' } } } }],
      ['revoke', { type: 'revoke', revoke: { original_message_id: 'sim-user-1' } }],
      ['request_welcome', { type: 'request_welcome' }],
    ];
    for (const [kind, message] of [...nonAnswers, ...nonAnswers]) {
      const turn = await say(simulationId, message);
      expect(turn, kind).toMatchObject({ nonAnswer: kind, messages: [], activeNodeId: 'menu_principal', status: 'active' });
    }
    // Ten events that spent nothing: a wrong answer is still re-prompted twice (maxRetries 2) before `invalid`.
    for (let attempt = 0; attempt < 2; attempt++) {
      const wrong = await say(simulationId, text('cualquier cosa'));
      expect(wrong.nonAnswer).toBeUndefined();
      expect(wrong.activeNodeId).toBe('menu_principal');
      expect(JSON.stringify(wrong.messages)).toContain('Tocá uno de los botones');
    }
  });

  it('"chat opened" before any message starts the welcome, as live', async () => {
    const { simulationId } = (await start('draft')).json();
    const opened = await say(simulationId, { type: 'request_welcome' });
    expect(opened.nonAnswer).toBeUndefined();
    expect(opened.activeNodeId).toBe('menu_principal');
    expect(JSON.stringify(opened.messages)).toContain('Hola Ana');
  });

  it('runs a published version, hands off and resolves like an agent would', async () => {
    await t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/versions', headers: t.auth(), payload: {} });
    const { token } = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: 'QA', role: 'tester' } })).json();
    const started = await start(1, token);
    expect(started.statusCode).toBe(201);
    const { simulationId } = started.json();
    const notYet = await t.app.inject({ method: 'POST', url: `/api/simulations/${simulationId}/resolve`, headers: t.auth() });
    expect(notYet.statusCode).toBe(409);

    await say(simulationId, text('hola'));
    const handoff = await say(simulationId, button('hablar', 'Hablar con alguien'));
    expect(handoff.status).toBe('handoff');
    expect(handoff.effects).toEqual([expect.objectContaining({ type: 'handoff_started', queue: 'pedidos' })]);
    // While a person attends, the bot stays quiet.
    expect((await say(simulationId, text('hola?'))).messages).toEqual([]);

    const resolved = await t.app.inject({ method: 'POST', url: `/api/simulations/${simulationId}/resolve`, headers: t.auth() });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().status).toBe('ended');
    expect(JSON.stringify(resolved.json().messages)).toContain('Que disfrutes tu pizza');
  });

  it('keeps a running simulation on the document it started with', async () => {
    const { simulationId } = (await start('draft')).json();
    await say(simulationId, text('hola'));
    const draft = (await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria', headers: t.auth() })).json();
    const edited = { ...draft.document, nodes: draft.document.nodes.map((node: { id: string; data: object }) =>
      node.id === 'promos' ? { ...node, data: { text: 'Cambiado' } } : node) };
    await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria', headers: t.auth(), payload: { document: edited, revision: draft.revision } });
    const promos = await say(simulationId, button('ver_promos', 'Ver promos'));
    expect(JSON.stringify(promos.messages)).toContain('Promos de esta semana');
  });

  it('survives a server restart: the conversation continues from SQLite', async () => {
    const { simulationId } = (await start('draft')).json();
    await say(simulationId, text('hola'));
    const restarted = await buildApp({ config: loadConfig({ CHARLA_DB: t.dbPath, CHARLA_ADMIN_TOKEN: TEST_ADMIN_TOKEN }) });
    const promos = await restarted.inject({
      method: 'POST', url: `/api/simulations/${simulationId}/messages`, headers: t.auth(), payload: button('ver_promos', 'Ver promos'),
    });
    expect(promos.json()).toMatchObject({ activeNodeId: 'menu_principal', status: 'active' });
    expect(JSON.stringify(promos.json().messages)).toContain('Promos de esta semana');
    await restarted.close();
  });

  it('answers 401, 404 and 400 clearly', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/simulations', payload: { source: 'draft' } })).statusCode).toBe(401);
    expect((await start(3)).json().code).toBe('version_not_found');
    const missing = await t.app.inject({ method: 'POST', url: '/api/simulations/00000000-0000-4000-8000-000000000000/messages', headers: t.auth(), payload: text('hola') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('simulation_not_found');
    const { simulationId } = (await start('draft')).json();
    const noType = await t.app.inject({ method: 'POST', url: `/api/simulations/${simulationId}/messages`, headers: t.auth(), payload: { text: { body: 'hola' } } });
    expect(noType.statusCode).toBe(400);
  });
});
