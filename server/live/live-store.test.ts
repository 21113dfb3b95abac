import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableConfig as pgTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { startSession } from '../../runtime/core/session.ts';
import { openDatabase } from '../db/connection.ts';
import { openPostgres } from '../db/postgres-connection.ts';
import * as postgresTables from '../db/postgres-schema.ts';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { GroupCommit } from './group-commit.ts';
import type { InboundRow, LiveStore, TurnToStore } from './live-store.ts';
import type { CounterMetric } from './analytics/counters.ts';
import type { RunState } from './analytics/turn-analytics.ts';
import { createPostgresLiveStore } from './postgres-live-store.ts';
import { createSqliteLiveStore } from './sqlite-live-store.ts';

const NUMBER = '106540352242922';
const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 120_000);
afterAll(() => postgres?.stop());

interface OpenStore {
  store: LiveStore;
  /** Rows of a live table, read with plain SQL on that database. */
  rows(sql: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

const stores: Array<[string, () => Promise<OpenStore>]> = [
  ['SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charla-live-store-'));
    const database = openDatabase(join(dir, 'charla.db'));
    const store = createSqliteLiveStore(database.db, { foreground: new GroupCommit(database.sqlite), background: new GroupCommit(database.sqlite) });
    return {
      store,
      rows: async (sql) => database.sqlite.prepare(sql).all() as Array<Record<string, unknown>>,
      close: async () => {
        await store.close();
        database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }],
  ['PostgreSQL', async () => {
    const connection = await openPostgres(await postgres.freshDatabase());
    return {
      store: createPostgresLiveStore(connection.db),
      // bigint columns come back as text from plain queries; the store's own reads give numbers.
      rows: async (sql) => (await connection.pool.query(sql)).rows.map((row: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value]))),
      close: () => connection.close(),
    };
  }],
];

const inbound = (wamid: string, waId = '5491155550123'): InboundRow => ({
  wamid, phoneNumberId: NUMBER, waId, payload: JSON.stringify({ message: { id: wamid } }), receivedAt: NOW,
});

const turn = (overrides: Partial<TurnToStore> = {}): TurnToStore => {
  const contact = { waId: '5491155550123', name: 'Sofía' };
  return {
    conversation: undefined, phoneNumberId: NUMBER, waId: contact.waId, userId: null, username: null, contactName: contact.name, flowId: 'pizzeria', version: 1,
    session: startSession({ flow: { id: 'pizzeria' }, contact, version: 1, now: NOW }),
    replies: [], notices: [], now: NOW, ...overrides,
  };
};

describe.each(stores)('the live store on %s', (_name, open) => {
  let t: OpenStore;
  beforeEach(async () => {
    t = await open();
  });
  afterEach(() => t.close());

  it('stores each wamid once; moves statuses of messages it sent only forward, and ignores others', async () => {
    expect((await t.store.inbound.accept([inbound('wamid.1'), inbound('wamid.2')], [])).map((row) => row.wamid)).toEqual(['wamid.1', 'wamid.2']);
    expect((await t.store.inbound.accept([inbound('wamid.2'), inbound('wamid.3')], [])).map((row) => row.wamid)).toEqual(['wamid.3']);
    expect((await t.store.inbound.pending()).map((row) => row.wamid)).toEqual(['wamid.1', 'wamid.2', 'wamid.3']);

    const { queued: [sent] } = await t.store.conversations.storeTurn(turn({ replies: ['{}'] }));
    await t.store.outbox.markSent(sent!.id, 'wamid.out');
    const status = (name: string, errorCode: number | null = null, wamid = 'wamid.out') => ({
      wamid, phoneNumberId: NUMBER, outboxId: null, status: name, recipientId: '5491155550123', timestampSeconds: 1, errorCode,
      errorTitle: null, updatedAt: NOW, pricingCategory: null, pricingType: null, billable: null,
    });
    await t.store.inbound.accept([], [status('delivered'), status('read', null, 'wamid.someone-else')]);
    await t.store.inbound.accept([], [status('sent')]);
    expect(await t.rows('SELECT status FROM message_statuses')).toEqual([{ status: 'delivered' }]);
    await t.store.inbound.accept([], [status('failed', 131047)]);
    await t.store.inbound.accept([], [status('read')]);
    expect(await t.rows('SELECT status, error_code AS "errorCode" FROM message_statuses')).toEqual([{ status: 'failed', errorCode: 131047 }]);

    await t.store.inbound.markFailed('wamid.1', 'no live version');
    expect((await t.store.inbound.pending()).map((row) => row.wamid)).toEqual(['wamid.2', 'wamid.3']);
  });

  it('writes a turn whole: the conversation, its replies in order, the history, the notices, the message processed', async () => {
    await t.store.inbound.accept([inbound('wamid.1')], []);
    const first = await t.store.conversations.storeTurn(turn({
      inbound: { wamid: 'wamid.1', event: { type: 'text', text: 'hola' }, receivedAt: NOW },
      replies: ['{"n":1}', '{"n":2}'],
      notices: [{ event: 'handoff_started', phoneNumberId: NUMBER, waId: '5491155550123', contactName: 'Sofía', flowId: 'pizzeria', flowVersion: 1, nodeId: 'humano', at: NOW }],
    }));
    expect(first.queued.map((item) => item.body)).toEqual(['{"n":1}', '{"n":2}']);
    expect(first.queued[1]!.id).toBe(first.queued[0]!.id + 1);
    expect(await t.store.inbound.pending()).toEqual([]);

    const conversation = await t.store.conversations.byContact(NUMBER, '5491155550123');
    expect(conversation).toMatchObject({ id: first.conversationId, contactName: 'Sofía', flowVersion: 1, status: 'active', lastUserMessageAt: NOW });
    expect(await t.store.conversations.byId(first.conversationId)).toEqual(conversation);
    expect(await t.store.conversations.byStatus('active', 10)).toEqual([conversation]);

    const notices = await t.store.notices.due(NOW);
    expect(notices.map((notice) => JSON.parse(notice.body) as unknown)).toEqual([expect.objectContaining({ event: 'handoff_started', conversationId: first.conversationId })]);
    expect(Object.keys(JSON.parse(notices[0]!.body) as object).slice(0, 2)).toEqual(['event', 'conversationId']);

    const second = await t.store.conversations.storeTurn(turn({ conversation, replies: ['{"n":3}'], now: NOW + 1000 }));
    expect(second.conversationId).toBe(first.conversationId);
    const agent = await t.store.conversations.storeAgentReply(conversation!, { body: '{"agent":true}', now: NOW + 2000, agent: 'Lucía' });
    expect(agent.queued.map((item) => item.id)).toEqual([agent.outboxId]);
    const history = await t.store.conversations.recent(first.conversationId, 10);
    expect(history.map((row) => [row.direction, row.outboxId])).toEqual([['in', first.queued[0]!.id], ['bot', second.queued[0]!.id], ['agent', agent.outboxId]]);
    expect(await t.store.conversations.replyState(agent.outboxId)).toEqual({ body: '{"agent":true}', wamid: null, outboxState: 'queued', deliveryStatus: null, errorCode: null, error: null });

    await t.store.conversations.storeSession(first.conversationId, { status: 'handoff', session: '{}', updatedAt: NOW + 3000 });
    expect(await t.store.conversations.byStatus('handoff', 10)).toMatchObject([{ id: first.conversationId, updatedAt: NOW + 3000 }]);
  });

  it('finds a contact seen by phone and later by business-scoped user id as one conversation, keeping its address', async () => {
    const { conversationId } = await t.store.conversations.storeTurn(turn());
    const byPhone = (await t.store.conversations.byContact(NUMBER, '5491155550123'))!;
    expect(byPhone.userId).toBeNull();
    // The webhook then gives both: the phone finds it, and the BSUID is learnt.
    await t.store.conversations.storeTurn(turn({ conversation: byPhone, userId: 'AR.4491208655302741', username: 'sofi.pizza' }));
    // A message with only the BSUID (the number withheld) finds the same conversation.
    const byUser = (await t.store.conversations.byContact(NUMBER, 'AR.4491208655302741', 'AR.4491208655302741'))!;
    expect(byUser).toMatchObject({ id: conversationId, waId: '5491155550123', userId: 'AR.4491208655302741', username: 'sofi.pizza' });
    // A BSUID-only contact never seen before has no conversation yet, and gets one keyed by the BSUID.
    expect(await t.store.conversations.byContact(NUMBER, 'US.13491208655302741918', 'US.13491208655302741918')).toBeUndefined();
    await t.store.conversations.storeTurn(turn({ waId: 'US.13491208655302741918', userId: 'US.13491208655302741918', username: null }));
    expect(await t.store.conversations.byContact(NUMBER, 'US.13491208655302741918', 'US.13491208655302741918'))
      .toMatchObject({ waId: 'US.13491208655302741918', userId: 'US.13491208655302741918', username: null });
  });

  it('keeps the outbox states: in flight counts an attempt; sent, retried, failed and held', async () => {
    const { queued } = await t.store.conversations.storeTurn(turn({ replies: ['a', 'b', 'c', 'd'] }));
    const [a, b, c, d] = queued.map((item) => item.id) as [number, number, number, number];
    await t.store.outbox.markInFlight([a, b, c, d]);
    await t.store.outbox.markSent(a, 'wamid.sent');
    await t.store.outbox.markRetry(b, NOW + 500, 131000, 'later');
    await t.store.outbox.markFailed(c, 131026, 'undeliverable');
    expect(await t.store.outbox.holdForWindow(d, 131047, 'window closed', NOW)).toBeUndefined();
    expect((await t.store.outbox.unsent()).map(({ id, state, attempts, nextAttemptAt }) => ({ id, state, attempts, nextAttemptAt })))
      .toEqual([{ id: b, state: 'queued', attempts: 1, nextAttemptAt: NOW + 500 }]);
    expect(await t.store.conversations.replyState(c)).toMatchObject({ outboxState: 'failed', errorCode: 131026, error: 'undeliverable' });
    expect(await t.store.conversations.replyState(d)).toMatchObject({ outboxState: 'held', errorCode: 131047 });
  });

  it('holds replies while the window is closed and queues them again, in order, before the turn that reopens it', async () => {
    const first = await t.store.conversations.storeTurn(turn({ replies: ['a', 'b'], withheld: { state: 'held', reason: 'window closed' } }));
    expect(first.queued).toEqual([]);
    const conversation = (await t.store.conversations.byId(first.conversationId))!;
    // An agent's message once closed: the fallback template goes now, the message waits behind it.
    const agent = await t.store.conversations.storeAgentReply(conversation, { body: 'c', now: NOW + 1000, agent: 'Lucía', held: 'window closed', fallback: 'tpl' });
    expect(agent.queued.map((item) => [item.id, item.body])).toEqual([[agent.fallbackOutboxId, 'tpl']]);
    expect(agent.outboxId).toBe(agent.fallbackOutboxId! + 1);
    expect(await t.store.conversations.heldCount(first.conversationId)).toBe(3);
    expect(await t.store.conversations.replyState(agent.outboxId)).toMatchObject({ outboxState: 'held', error: 'window closed' });
    const timer = await t.store.conversations.storeTurn(turn({ conversation, replies: ['reminder'], withheld: { state: 'not_sent', reason: 'moot' } }));
    expect(timer.queued).toEqual([]);

    const reopened = await t.store.conversations.storeTurn(turn({ conversation, inbound: { wamid: 'wamid.back', event: { type: 'text', text: 'hola' }, receivedAt: NOW + 2000 }, replies: ['d'], releaseHeld: true, now: NOW + 2000 }));
    expect(reopened.released).toBe(3);
    expect(reopened.queued.map((item) => item.body)).toEqual(['a', 'b', 'c', 'd']);
    expect(reopened.queued.slice(0, 3).every((item) => item.nextAttemptAt === NOW + 2000)).toBe(true);
    expect(await t.store.conversations.heldCount(first.conversationId)).toBe(0);
    expect(await t.store.conversations.replyState(agent.outboxId)).toMatchObject({ outboxState: 'queued', error: null });
    expect(await t.rows(`SELECT body, state, error FROM outbox WHERE body = 'reminder'`)).toEqual([{ body: 'reminder', state: 'not_sent', error: 'moot' }]);
    expect((await t.store.outbox.unsent()).map((item) => item.body)).toEqual(['a', 'b', 'tpl', 'c', 'd']);
    const history = await t.store.conversations.recent(first.conversationId, 10);
    expect(history.map((row) => [row.direction, (JSON.parse(row.body) as { replies: number }).replies])).toEqual([['bot', 2], ['agent', 2], ['bot', 1], ['in', 1]]);
  });

  it('holds a message Meta refused for a closed window and queues the fallback template it carries, once per closed window', async () => {
    const { queued, conversationId } = await t.store.conversations.storeTurn(turn({ replies: ['a', 'b'], fallbackOnRefusal: 'tpl' }));
    const [a, b] = queued.map((item) => item.id) as [number, number];
    await t.store.outbox.markInFlight([a, b]);
    const fallback = await t.store.outbox.holdForWindow(a, 131047, 'Re-engagement message', NOW + 10);
    expect(fallback).toMatchObject({ conversationId, phoneNumberId: NUMBER, body: 'tpl', attempts: 0, nextAttemptAt: NOW + 10 });
    expect(fallback!.id).toBeGreaterThan(b);
    expect(await t.store.outbox.holdForWindow(b, 131047, 'Re-engagement message', NOW + 20)).toBeUndefined();
    expect(await t.rows('SELECT body, state, fallback FROM outbox ORDER BY id')).toEqual([
      { body: 'a', state: 'held', fallback: 'tpl' }, { body: 'b', state: 'held', fallback: 'tpl' }, { body: 'tpl', state: 'queued', fallback: null },
    ]);
    const conversation = (await t.store.conversations.byId(conversationId))!;
    const agent = await t.store.conversations.storeAgentReply(conversation, { body: 'c', agent: 'Lucía', now: NOW + 30, fallbackOnRefusal: 'tpl' });
    expect(await t.rows(`SELECT fallback FROM outbox WHERE id = ${agent.outboxId}`)).toEqual([{ fallback: 'tpl' }]);
  });

  it('holds a send whose answer was lost as uncertain, and settles it as sent when a status names its row', async () => {
    const { queued } = await t.store.conversations.storeTurn(turn({ replies: ['a', 'b'] }));
    const [a, b] = queued.map((item) => item.id) as [number, number];
    await t.store.outbox.markInFlight([a, b]);
    await t.store.outbox.markUncertain(a, NOW + 120_000, 'network: other side closed');
    await t.store.outbox.markUncertain(b, NOW + 120_000, 'network: other side closed');
    expect((await t.store.outbox.unsent()).map(({ id, state }) => ({ id, state }))).toEqual([{ id: a, state: 'uncertain' }, { id: b, state: 'uncertain' }]);
    await t.store.inbound.accept([], [{
      wamid: 'wamid.from-status', phoneNumberId: NUMBER, outboxId: a, status: 'sent', recipientId: '5491155550123', timestampSeconds: 1,
      errorCode: null, errorTitle: null, updatedAt: NOW, pricingCategory: null, pricingType: null, billable: null,
    }]);
    expect(await t.store.outbox.sentAmong([a, b])).toEqual(new Set([a]));
    expect(await t.rows(`SELECT wamid FROM outbox WHERE state = 'sent'`)).toEqual([{ wamid: 'wamid.from-status' }]);
    // A settled row stays sent even if the call gives up on it afterwards.
    await t.store.outbox.markUncertain(a, NOW + 240_000, 'late');
    expect(await t.store.outbox.sentAmong([a])).toEqual(new Set([a]));
  });

  it('stores timers with their turn, claims each due one once (also when claimed at once), cancels a left state\'s and marks a fired one', async () => {
    const leave = (epoch: number, dueAt: number) => ({ type: 'schedule_timer' as const, timer: { dueAt, epoch, action: { type: 'leave' as const, nodeId: 'q', output: 'timeout' } } });
    const first = await t.store.conversations.storeTurn(turn({ timers: [{ type: 'cancel_timers', epoch: 0 }, leave(1, NOW + 2000), leave(1, NOW + 1000)] }));
    const id = first.conversationId;
    expect(await t.store.timers.nextDue()).toBe(NOW + 1000);
    expect((await t.store.timers.pendingOf(id)).map((row) => row.timer.dueAt)).toEqual([NOW + 1000, NOW + 2000]);
    expect(await t.store.timers.claimDue(NOW + 999, 60_000, 10)).toEqual([]);

    const [a, b] = await Promise.all([t.store.timers.claimDue(NOW + 5000, 60_000, 10), t.store.timers.claimDue(NOW + 5000, 60_000, 10)]);
    const claimed = [...a!, ...b!];
    expect(claimed.map((row) => row.timer)).toEqual([
      { dueAt: NOW + 1000, epoch: 1, action: { type: 'leave', nodeId: 'q', output: 'timeout' } },
      { dueAt: NOW + 2000, epoch: 1, action: { type: 'leave', nodeId: 'q', output: 'timeout' } },
    ]);
    expect(claimed[0]).toMatchObject({ conversationId: id, phoneNumberId: NUMBER, waId: '5491155550123' });
    expect(await t.store.timers.claimDue(NOW + 5000, 60_000, 10)).toEqual([]);
    // The claimer died before writing the turn: once its lease lapses the timer is claimed again.
    expect(await t.store.timers.nextDue()).toBe(NOW + 65_000);
    expect((await t.store.timers.claimDue(NOW + 65_000, 60_000, 1)).map((row) => row.id)).toEqual([claimed[0]!.id]);

    const conversation = await t.store.conversations.byId(id);
    await t.store.conversations.storeTurn(turn({ conversation, firedTimerId: claimed[0]!.id, timers: [{ type: 'cancel_timers', epoch: 1 }, leave(2, NOW + 9000)] }));
    await t.store.timers.cancel(claimed[1]!.id);
    expect(await t.rows('SELECT epoch, state FROM timers ORDER BY id')).toEqual([
      { epoch: 1, state: 'cancelled' }, { epoch: 1, state: 'fired' }, { epoch: 2, state: 'pending' },
    ]);
    expect(await t.store.timers.nextDue()).toBe(NOW + 9000);
  });

  it('retries, fails and forgets handoff notices', async () => {
    const notice = { event: 'handoff_started' as const, phoneNumberId: NUMBER, waId: '1', contactName: null, flowId: 'f', flowVersion: 1, nodeId: 'n', at: NOW };
    await t.store.conversations.storeTurn(turn({ notices: [notice, notice] }));
    const [first, second] = await t.store.notices.due(NOW);
    expect(await t.store.notices.nextDue()).toBe(NOW);
    await t.store.notices.retry(first!.id, 1, NOW + 60_000, 'HTTP 503');
    await t.store.notices.failed(second!.id, 1, 'HTTP 400');
    expect(await t.store.notices.due(NOW)).toEqual([]);
    expect(await t.store.notices.nextDue()).toBe(NOW + 60_000);
    await t.store.notices.delivered(first!.id);
    expect(await t.store.notices.nextDue()).toBeUndefined();
  });
});

describe.each(stores)('analytics on %s', (_name, open) => {
  let t: OpenStore;
  beforeEach(async () => {
    t = await open();
  });
  afterEach(() => t.close());

  it('keeps the counters, the run and each reply\'s node with the turn, and counts a status once per step with its pricing', async () => {
    const hour = NOW - (NOW % 3_600_000);
    const counter = (nodeId: string, metric: CounterMetric, count = 1, key = '') => ({ flowId: 'pizzeria', flowVersion: 1, hour, nodeId, metric, key, count, total: 0 });
    const run: RunState = { flowId: 'pizzeria', flowVersion: 1, outcome: 'open', handedOff: false, lastNodeId: 'menu', path: ['hola', 'menu'], startedAt: NOW, updatedAt: NOW, endedAt: null };
    const { queued: [reply] } = await t.store.conversations.storeTurn(turn({
      replies: ['{"n":1}'], replyNodes: ['menu'], analytics: { counters: [counter('', 'started'), counter('menu', 'entered')], run },
    }));
    await t.store.conversations.storeTurn(turn({
      conversation: await t.store.conversations.byContact(NUMBER, '5491155550123'), now: NOW + 1,
      analytics: { counters: [counter('menu', 'entered')], run: { ...JSON.parse((await t.store.conversations.byContact(NUMBER, '5491155550123'))!.run!) as RunState, outcome: 'completed', endedAt: NOW + 1 } },
    }));
    await t.store.outbox.markSent(reply!.id, 'wamid.menu');
    const status = (name: string, pricing: { pricingCategory: string; billable: number } | null) => ({
      wamid: 'wamid.menu', phoneNumberId: NUMBER, outboxId: null, status: name, recipientId: '5491155550123', timestampSeconds: 1,
      errorCode: null, errorTitle: null, updatedAt: NOW, pricingType: null, pricingCategory: pricing?.pricingCategory ?? null, billable: pricing?.billable ?? null,
    });
    await t.store.inbound.accept([], [status('delivered', { pricingCategory: 'utility', billable: 1 })]);
    await t.store.inbound.accept([], [status('delivered', { pricingCategory: 'utility', billable: 1 }), status('read', null)]);

    expect(await t.rows(`SELECT node_id AS "nodeId", metric, key, count FROM flow_counters ORDER BY node_id, metric, key`)).toEqual([
      { nodeId: '', metric: 'started', key: '', count: 1 },
      { nodeId: 'menu', metric: 'billable', key: 'utility', count: 1 },
      { nodeId: 'menu', metric: 'delivered', key: '', count: 1 },
      { nodeId: 'menu', metric: 'entered', key: '', count: 2 },
      { nodeId: 'menu', metric: 'priced', key: 'utility', count: 1 },
      { nodeId: 'menu', metric: 'read', key: '', count: 1 },
      { nodeId: 'menu', metric: 'sent', key: '', count: 1 },
    ]);
    expect(await t.rows(`SELECT outcome, path, ended_at AS "endedAt" FROM conversation_runs`)).toEqual([{ outcome: 'completed', path: '["hola","menu"]', endedAt: NOW + 1 }]);
    expect(await t.rows(`SELECT node_id AS "nodeId", flow_version AS "flowVersion" FROM outbox`)).toEqual([{ nodeId: 'menu', flowVersion: 1 }]);
    expect(await t.rows(`SELECT status, pricing_category AS "pricingCategory", billable FROM message_statuses`)).toEqual([{ status: 'read', pricingCategory: 'utility', billable: 1 }]);
  });
});

describe('the PostgreSQL migrations', () => {
  it('create every table and column of postgres-schema.ts, and keep published versions immutable', async () => {
    const connection = await openPostgres(await postgres.freshDatabase());
    try {
      const columns = await connection.pool.query<{ table: string; column: string }>(
        `SELECT table_name AS table, column_name AS column FROM information_schema.columns WHERE table_schema = 'public'`);
      const migrated = columns.rows.map((row) => `${row.table}.${row.column}`).sort();
      const declared = Object.values(postgresTables).flatMap((table) => {
        const config = pgTableConfig(table as PgTable);
        return config.columns.map((column) => `${config.name}.${column.name}`);
      }).sort();
      expect(migrated).toEqual(declared);

      await connection.pool.query(`INSERT INTO flows VALUES ('f', 'F', '{}', 1, 1, 0, 0)`);
      await connection.pool.query(`INSERT INTO flow_versions VALUES ('f', 1, 'hash', 'ana', NULL, 0, '{}')`);
      await expect(connection.pool.query(`UPDATE flow_versions SET note = 'x'`)).rejects.toThrow(/immutable/);
      await expect(connection.pool.query(`DELETE FROM flow_versions`)).rejects.toThrow(/immutable/);
    } finally {
      await connection.close();
    }
  });
});
