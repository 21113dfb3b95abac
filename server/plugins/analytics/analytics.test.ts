import { readFileSync } from 'node:fs';
import type { FlowDocument } from '../../../schema/index.ts';
import type { FlowAnalytics, RunDetail, RunSummary } from '../../../schema/api/analytics.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../../testing/live-test-app.ts';
import { statusWebhook, textWebhook, type StatusItem } from '../../testing/webhook-body.ts';

/**
 * Issue 13's acceptance: known conversations (complete, handoff, abandon, invalid answers) and known
 * status webhooks (delivered, read, one failed) through the real server and a fake Graph API; every
 * figure of the analytics answer checked exactly.
 */
const tienda = () => JSON.parse(readFileSync(new URL('./testdata/tienda.json', import.meta.url), 'utf8')) as FlowDocument;
const START = Date.UTC(2026, 11, 7, 10, 0, 0);
const ANA = '5491100000001';
const BETO = '5491100000002';
const CARLA = '5491100000003';
const DANI = '5491100000004';
const ADMIN = 'admin (CHARLA_ADMIN_TOKEN)';

let t: LiveTestApp;
let clock = START;
let sequence = 0;
afterEach(() => t.close());

/** The customer writes 10 s after the clock's last move. */
async function say(from: string, text: string): Promise<void> {
  clock += 10_000;
  const body = textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from, wamid: `wamid.A${++sequence}`, text, timestamp: Math.floor(clock / 1000) });
  expect((await t.postWebhook(body)).statusCode).toBe(200);
  await t.settle();
}

/** What was sent to a customer, in order: each reply's wamid and the node that sent it. */
const sentTo = (waId: string) => t.rows<{ wamid: string; nodeId: string | null }>(
  `SELECT o.wamid, o.node_id AS nodeId FROM outbox o JOIN conversations c ON c.id = o.conversation_id WHERE c.wa_id = ? ORDER BY o.id`, waId);

async function statuses(items: StatusItem[]): Promise<void> {
  expect((await t.postWebhook(statusWebhook(PHONE_NUMBER_ID, items))).statusCode).toBe(200);
}

async function get<T>(url: string, token?: string): Promise<{ status: number; body: T; text: string; headers: Record<string, unknown> }> {
  const response = await t.app.inject({ method: 'GET', url, headers: t.auth(token) });
  return { status: response.statusCode, body: (response.headers['content-type']?.toString().includes('json') ? response.json() : undefined) as T, text: response.body, headers: response.headers };
}

async function driveKnownConversations(): Promise<void> {
  t = await createLiveTestApp({}, { now: () => clock });
  await t.publish(tienda());
  const admin = t.auth();
  expect((await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: admin, payload: { flowId: 'tienda' } })).statusCode).toBe(200);

  // Ana completes it, with one invalid name on the way, and scores 5.
  for (const text of ['hola', 'Hacer pedido', 'x', 'Ana', '5']) await say(ANA, text);
  // Beto asks for a person; an agent answers 30 s later and hands him back 60 s after that.
  for (const text of ['hola', 'Hablar con alguien']) await say(BETO, text);
  const [beto] = (await t.app.inject({ method: 'GET', url: '/api/conversations', headers: admin })).json() as Array<{ id: number }>;
  clock += 30_000;
  expect((await t.app.inject({ method: 'POST', url: `/api/conversations/${beto!.id}/messages`, headers: admin, payload: { text: 'Hola Beto' } })).statusCode).toBe(202);
  clock += 60_000;
  expect((await t.app.inject({ method: 'POST', url: `/api/conversations/${beto!.id}/resolve`, headers: admin })).statusCode).toBe(200);
  await t.settle();
  // Carla answers the menu wrongly twice: its invalid output hands her off.
  for (const text of ['hola', 'quiero pizza', '???']) await say(CARLA, text);
  // Dani stops at the name question; back after the 60-minute session timeout, her first run was abandoned there.
  for (const text of ['hola', 'Hacer pedido']) await say(DANI, text);
  clock += 61 * 60_000;
  await say(DANI, 'hola');

  // Ana's welcome was read (delivered never came), her thanks delivered then read; Beto's handoff message failed; her score question is billed.
  const ana = sentTo(ANA);
  const anaNode = (nodeId: string) => ana.find((row) => row.nodeId === nodeId)!.wamid;
  const betoHandoff = sentTo(BETO).find((row) => row.nodeId === 'humano')!.wamid;
  await statuses([{ wamid: anaNode('hola'), status: 'read', recipientId: ANA }]);
  await statuses([{ wamid: anaNode('fin'), status: 'delivered', recipientId: ANA }]);
  await statuses([{ wamid: anaNode('fin'), status: 'read', recipientId: ANA }, { wamid: anaNode('fin'), status: 'delivered', recipientId: ANA }]);
  await statuses([{
    wamid: anaNode('puntaje'), status: 'sent', recipientId: ANA,
    pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
  }]);
  await statuses([{ wamid: betoHandoff, status: 'failed', recipientId: BETO, pricing: null, errors: [{ code: 131026, title: 'Message undeliverable' }] }]);
}

const node = (figures: Partial<FlowAnalytics['nodes'][string]>) => ({
  entered: 0, exits: {}, dropped: 0, sent: 0, delivered: 0, read: 0, failed: 0, queued: 0, failedByCode: {},
  answers: { count: 0, average: null }, invalid: 0, invalidAnswers: [], priced: {}, billable: {}, ...figures,
});

describe('analytics of a live flow', () => {
  it('counts known conversations and statuses exactly, per version and node', async () => {
    await driveKnownConversations();
    const { status, body } = await get<FlowAnalytics>('/api/flows/tienda/analytics?version=1');
    expect(status).toBe(200);
    expect(body).toEqual({
      version: 1, from: null, to: null,
      conversations: { started: 5, completed: 2, handoff: 2, abandoned: 1, errored: 0, contained: 1 },
      service: {
        // Turns run on the pinned clock the moment their message is stored.
        botFirstResponse: { count: 5, average: 0 },
        agentFirstResponse: { count: 1, average: 30_000 },
        handling: { count: 1, average: 90_000 },
        containment: 0.2,
        csat: { count: 1, average: 5 },
        byNumber: { [PHONE_NUMBER_ID]: 5 },
        byAgent: { [ADMIN]: 1 },
      },
      nodes: {
        hola: node({ entered: 5, exits: { next: 5 }, queued: 5, sent: 1, delivered: 1, read: 1, priced: { service: 1 } }),
        menu: node({
          entered: 5, exits: { pedido: 2, asesor: 1, invalid: 1 }, queued: 7, answers: { count: 5, average: 10_000 },
          invalid: 2, invalidAnswers: [{ answer: '???', count: 1 }, { answer: 'quiero pizza', count: 1 }],
        }),
        nombre: node({
          entered: 2, exits: { next: 1 }, dropped: 1, queued: 4, answers: { count: 2, average: 10_000 },
          invalid: 1, invalidAnswers: [{ answer: 'x', count: 1 }],
        }),
        puntaje: node({
          entered: 1, exits: { next: 1 }, queued: 1, sent: 1, answers: { count: 1, average: 10_000 },
          priced: { utility: 1 }, billable: { utility: 1 },
        }),
        fin: node({ entered: 2, queued: 2, sent: 1, delivered: 1, read: 1, priced: { service: 1 } }),
        humano: node({ entered: 2, exits: { resolved: 1 }, queued: 2, failed: 1, failedByCode: { 131026: 1 } }),
      },
      pricing: { priced: { service: 2, utility: 1 }, billable: { utility: 1 } },
    });

    // The range selects whole UTC hours: Dani's return (an hour later) holds one start, none before 10:00.
    const later = await get<FlowAnalytics>(`/api/flows/tienda/analytics?from=${new Date(START + 3_600_000).toISOString()}`);
    expect(later.body.conversations).toEqual({ started: 1, completed: 0, handoff: 0, abandoned: 1, errored: 0, contained: 0 });
    expect((await get<FlowAnalytics>(`/api/flows/tienda/analytics?to=${new Date(START - 1).toISOString()}`)).body.conversations.started).toBe(0);

    const series = await get<{ points: Array<{ at: string; started: number; completed: number; read: number; failed: number; agentFirstResponseMs: number | null }> }>(
      '/api/flows/tienda/analytics/series?version=1&bucket=hour');
    expect(series.body.points.map(({ at, started, completed, read, failed, agentFirstResponseMs }) => ({ at, started, completed, read, failed, agentFirstResponseMs }))).toEqual([
      { at: new Date(START).toISOString(), started: 4, completed: 2, read: 2, failed: 1, agentFirstResponseMs: 30_000 },
      { at: new Date(START + 3_600_000).toISOString(), started: 1, completed: 0, read: 0, failed: 0, agentFirstResponseMs: null },
    ]);

    const csv = await get('/api/flows/tienda/analytics.csv?version=1');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')).toEqual(expect.arrayContaining([
      'scope,node,metric,key,value', 'conversations,,abandoned,,1', 'node,menu,exit,invalid,1', 'node,humano,failed_code,131026,1',
      `service,,agent,${ADMIN},1`,
    ]));
  });

  it('lists the runs by outcome and contact, opens one with its transcript and path, and masks numbers for testers', async () => {
    await driveKnownConversations();
    const abandoned = await get<RunSummary[]>('/api/history?flowId=tienda&outcome=abandoned');
    expect(abandoned.body.map((run) => ({ waId: run.waId, lastNodeId: run.lastNodeId }))).toEqual([{ waId: DANI, lastNodeId: 'nombre' }]);
    expect((await get<RunSummary[]>('/api/history?outcome=handoff')).body.map((run) => run.waId).sort()).toEqual([BETO, CARLA]);
    const [ana] = (await get<RunSummary[]>(`/api/history?contact=${ANA.slice(-4)}`)).body;
    expect(ana).toMatchObject({ waId: ANA, outcome: 'completed', handedOff: false, lastNodeId: 'fin' });

    const detail = await get<RunDetail>(`/api/history/${ana!.id}`);
    expect(detail.body.path).toEqual(['hola', 'menu', 'nombre', 'puntaje', 'fin']);
    const said = detail.body.messages.filter((message) => message.direction === 'in').map((message) => (message.body as { text: string }).text);
    expect(said).toEqual(['hola', 'Hacer pedido', 'x', 'Ana', '5']);
    const statusesSeen = detail.body.messages.filter((message) => message.deliveryStatus !== null).map((message) => message.deliveryStatus);
    expect(statusesSeen.sort()).toEqual(['read', 'read', 'sent']);

    const created = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: 'QA', role: 'tester' } });
    const tester = (created.json() as { token: string }).token;
    expect((await get('/api/flows/tienda/analytics', tester)).status).toBe(403);
    const masked = await get<RunDetail>(`/api/history/${ana!.id}`, tester);
    expect(masked.body.waId).toBe('5491•••••0001');
    expect(masked.text).not.toContain(ANA);
  });

  it('refuses a missing flow or version and a range that ends before it starts, with coded errors', async () => {
    t = await createLiveTestApp({}, { now: () => clock });
    expect((await get<{ code: string }>('/api/flows/nadie/analytics')).body.code).toBe('flow_not_found');
    expect((await get<{ code: string }>('/api/flows/pizzeria/analytics?version=9')).body.code).toBe('version_not_found');
    const backwards = await get<{ code: string }>('/api/flows/pizzeria/analytics?from=2026-12-07T10:00:00Z&to=2026-12-07T09:00:00Z');
    expect(backwards).toMatchObject({ status: 400, body: { code: 'bad_request' } });
    expect((await get<{ code: string }>('/api/flows/pizzeria/analytics?from=ayer')).status).toBe(400);
  });
});
