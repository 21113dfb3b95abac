import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openDatabase, type DbConnection } from '../db/connection.ts';
import { handoffNotices } from '../db/live-schema.ts';
import { GroupCommit } from './group-commit.ts';
import { HandoffNotifier, type HandoffNotice } from './handoff-notifier.ts';
import type { LiveStore } from './live-store.ts';
import { LiveMetrics } from './metrics.ts';
import { createSqliteLiveStore } from './sqlite-live-store.ts';

/** A CRM on 127.0.0.1 answering each POST with the next status of `answers` (then 200). */
async function startCrm(answers: number[]) {
  const received: HandoffNotice[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as HandoffNotice);
      response.statusCode = answers.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/handoff`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const notice = (conversationId: number): HandoffNotice => ({
  event: 'handoff_started', conversationId, phoneNumberId: '106540352242922', waId: '5491155550123',
  contactName: 'Sofía', flowId: 'pizzeria', flowVersion: 1, nodeId: 'atencion_local', queue: 'pedidos', at: 1,
});

let dir: string;
let database: DbConnection;
let crm: Awaited<ReturnType<typeof startCrm>>;
let metrics: LiveMetrics;

/** What a turn entering handoff does: the notice committed with the turn, then a wake-up. */
async function notify(target: { notifier: HandoffNotifier }, sent: HandoffNotice): Promise<void> {
  const now = Date.now();
  database.db.insert(handoffNotices).values({ body: JSON.stringify(sent), state: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now }).run();
  target.notifier.wake();
}

function notifierFor(
  url: string | undefined,
  { maxAttempts = 5, retryBaseMs = 5, now = Date.now }: { maxAttempts?: number; retryBaseMs?: number; now?: () => number } = {},
): { notifier: HandoffNotifier; store: LiveStore } {
  const store = createSqliteLiveStore(database.db, { foreground: new GroupCommit(database.sqlite), background: new GroupCommit(database.sqlite) });
  const notifier = new HandoffNotifier({
    url, notices: store.notices, metrics, log: pino({ level: 'silent' }), now,
    retry: { retryBaseMs, retryMaxMs: Math.max(retryBaseMs, 50), maxAttempts },
  });
  notifier.start();
  return { notifier, store };
}

const rows = () => database.sqlite.prepare('SELECT state, attempts, error FROM handoff_notices').all();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'charla-handoff-'));
  database = openDatabase(join(dir, 'charla.db'));
  metrics = new LiveMetrics();
});
afterEach(async () => {
  await crm?.close();
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('handoff notifier', () => {
  it('retries a receiver that is down (503, 429) until it accepts, then forgets the notice', async () => {
    crm = await startCrm([503, 429]);
    const target = notifierFor(crm.url);
    const { notifier } = target;
    await notify(target, notice(7));
    await vi.waitFor(() => expect(rows()).toEqual([]), { timeout: 5_000, interval: 10 });
    expect(crm.received.map((body) => body.conversationId)).toEqual([7, 7, 7]);
    expect(crm.received[0]).toMatchObject({ event: 'handoff_started', queue: 'pedidos', nodeId: 'atencion_local' });
    expect(metrics.value('charla_handoff_notifications_total')).toBe(1);
    await notifier.stop();
  });

  it('does not retry a notice the receiver refuses (400), and keeps it as failed with the error', async () => {
    crm = await startCrm([400]);
    const target = notifierFor(crm.url);
    const { notifier } = target;
    await notify(target, notice(8));
    await vi.waitFor(() => expect(rows()).toEqual([{ state: 'failed', attempts: 1, error: 'HTTP 400' }]), { timeout: 5_000, interval: 10 });
    expect(crm.received).toHaveLength(1);
    await notifier.stop();
  });

  it('gives up after the last attempt', async () => {
    crm = await startCrm([500, 500, 500]);
    const target = notifierFor(crm.url, { maxAttempts: 3 });
    const { notifier } = target;
    await notify(target, notice(9));
    await vi.waitFor(() => expect(rows()).toEqual([{ state: 'failed', attempts: 3, error: 'HTTP 500' }]), { timeout: 5_000, interval: 10 });
    expect(crm.received).toHaveLength(3);
    await notifier.stop();
  });

  it('delivers after a restart what an earlier run could not', async () => {
    // The first run fails once and schedules its retry a minute later; the server restarts two minutes on.
    const unreachable = 'http://127.0.0.1:9/handoff';
    const first = notifierFor(unreachable, { retryBaseMs: 60_000 });
    await notify(first, notice(10));
    await vi.waitFor(() => expect(rows()).toMatchObject([{ state: 'pending', attempts: 1 }]), { timeout: 5_000, interval: 10 });
    await first.notifier.stop();
    await first.store.close();

    crm = await startCrm([]);
    const { notifier } = notifierFor(crm.url, { now: () => Date.now() + 120_000 });
    await vi.waitFor(() => expect(crm.received.map((body) => body.conversationId)).toEqual([10]), { timeout: 5_000, interval: 10 });
    await vi.waitFor(() => expect(rows()).toEqual([]), { timeout: 5_000, interval: 10 });
    await notifier.stop();
  });

  it('is disabled without a URL (the processor then stores no notices)', () => {
    expect(notifierFor(undefined).notifier.enabled).toBe(false);
    expect(notifierFor('http://127.0.0.1:9/handoff').notifier.enabled).toBe(true);
  });
});
