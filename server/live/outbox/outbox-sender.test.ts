import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createChannelRepository } from '../../channels/repository.ts';
import { SecretBox } from '../../channels/secret-box.ts';
import { openDatabase, type DbConnection } from '../../db/connection.ts';
import { sqliteDatabase } from '../../db/database.ts';
import { outbox } from '../../db/live-schema.ts';
import { GroupCommit } from '../group-commit.ts';
import { LiveMetrics } from '../metrics.ts';
import type { LiveStore, OutboxItem } from '../live-store.ts';
import { createSqliteLiveStore } from '../sqlite-live-store.ts';
import { startFakeGraph, type FakeGraph } from '../../testing/fake-graph.ts';
import { GraphClient } from '../../whatsapp/graph-client.ts';
import { OutboxSender, type OutboxSenderSettings } from './outbox-sender.ts';
import { RateLimiter } from './rate-limiter.ts';
import { ReadReceipts } from './read-receipts.ts';

const NUMBER = '106540352242922';
const settings: OutboxSenderSettings = { ratePerSecond: 10_000, retryBaseMs: 5, retryMaxMs: 50, maxAttempts: 4, maxInFlight: 16, uncertainGraceMs: 50 };

let dir: string;
let database: DbConnection;
let graph: FakeGraph;
let logLines: string[];
let running: Array<{ sender: OutboxSender; client: GraphClient }>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'charla-outbox-'));
  database = openDatabase(join(dir, 'charla.db'));
  graph = await startFakeGraph();
  logLines = [];
  running = [];
});

afterEach(async () => {
  for (const { sender, client } of running) {
    await sender.stop();
    await client.close();
  }
  await graph.close();
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startSender(overrides: Partial<OutboxSenderSettings> = {}) {
  const log = pino({ level: 'info' }, new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }));
  const store = liveStore();
  const metrics = new LiveMetrics();
  const client = new GraphClient(graph.url, 5_000);
  const channels = createChannelRepository(sqliteDatabase(database), {}, new SecretBox(randomBytes(32)));
  database.sqlite.prepare(`INSERT OR IGNORE INTO flows (id, name, document, revision, created_at, updated_at) VALUES ('bot', 'Bot', '{}', 1, 0, 0)`).run();
  await channels.upsert(NUMBER, 'bot', {}, 0);
  let token = 'token-123';
  const sender = new OutboxSender({
    store: store.outbox, metrics, client, log, now: Date.now, accessTokenFor: async () => token, channelState: channels,
  }, { ...settings, ...overrides });
  running.push({ sender, client });
  await sender.start();
  return { sender, metrics, channels, setToken: (next: string) => (token = next) };
}

const liveStore = (): LiveStore =>
  createSqliteLiveStore(database.db, { foreground: new GroupCommit(database.sqlite), background: new GroupCommit(database.sqlite) });

/** A queued outbox row, as a committed turn leaves it. */
function enqueue(conversationId: number, text: string): OutboxItem {
  const body = JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${conversationId}`, type: 'text', text: { body: text } });
  const { id } = database.db.insert(outbox).values({
    conversationId, phoneNumberId: NUMBER, body, state: 'queued', attempts: 0, nextAttemptAt: 0, createdAt: Date.now(),
  }).returning({ id: outbox.id }).get();
  return { id, conversationId, phoneNumberId: NUMBER, body, attempts: 0, nextAttemptAt: 0 };
}

function rows() {
  return database.sqlite.prepare('SELECT id, state, attempts, wamid, error_code AS errorCode FROM outbox ORDER BY id').all() as
    Array<{ id: number; state: string; attempts: number; wamid: string | null; errorCode: number | null }>;
}

const textOf = (request: FakeGraph['requests'][number]) => (request.body.text as { body: string }).body;

describe('outbox sender', () => {
  it('posts each body with the token and records the returned wamid', async () => {
    const { sender, metrics } = await startSender();
    sender.add([enqueue(1, 'hola'), enqueue(1, '¿qué pizza querés?')]);
    await sender.idle();
    expect(graph.requests.map(textOf)).toEqual(['hola', '¿qué pizza querés?']);
    expect(graph.requests[0]).toMatchObject({ phoneNumberId: NUMBER, authorization: 'Bearer token-123' });
    expect(rows()).toEqual([
      { id: 1, state: 'sent', attempts: 1, wamid: graph.requests[0]!.wamid, errorCode: null },
      { id: 2, state: 'sent', attempts: 1, wamid: graph.requests[1]!.wamid, errorCode: null },
    ]);
    expect(metrics.value('charla_outbox_sent_total')).toBe(2);
  });

  it('keeps each conversation in order, one call at a time, while conversations run in parallel', async () => {
    graph.hold();
    const { sender } = await startSender();
    const items = [];
    for (let round = 0; round < 5; round += 1) {
      for (let conversation = 1; conversation <= 8; conversation += 1) items.push(enqueue(conversation, `${conversation}-${round}`));
    }
    sender.add(items);
    // Nothing is answered yet: every conversation has its first message in flight, and only that one.
    await graph.waitForRequests(8);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(graph.requests.map(textOf).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((conversation) => `${conversation}-0`));
    graph.release();
    await sender.idle();
    for (let conversation = 1; conversation <= 8; conversation += 1) {
      const sent = graph.requests.filter((request) => request.body.to === `+${conversation}`).map(textOf);
      expect(sent).toEqual([0, 1, 2, 3, 4].map((round) => `${conversation}-${round}`));
    }
  });

  it('retries transient errors (130429, 131000) with backoff, holding the rest of the conversation', async () => {
    graph.answerNext('throttled', 'server_error');
    const { sender, metrics } = await startSender();
    sender.add([enqueue(1, 'primero'), enqueue(1, 'segundo')]);
    await sender.idle();
    expect(graph.requests.map(textOf)).toEqual(['primero', 'primero', 'primero', 'segundo']);
    expect(rows().map((row) => [row.state, row.attempts])).toEqual([['sent', 3], ['sent', 1]]);
    expect(metrics.value('charla_outbox_retried_total')).toBe(2);
  });

  it('holds a message refused for a closed window (131047) and goes on with the next one', async () => {
    graph.answerNext('outside_window');
    const { sender, metrics } = await startSender();
    sender.add([enqueue(1, 'fuera de ventana'), enqueue(1, 'siguiente')]);
    await sender.idle();
    expect(graph.requests.map(textOf)).toEqual(['fuera de ventana', 'siguiente']);
    expect(rows().map((row) => [row.state, row.attempts, row.errorCode])).toEqual([['held', 1, 131047], ['sent', 1, null]]);
    expect(metrics.value('charla_outbox_window_closed_total')).toBe(1);
    expect(metrics.value('charla_outbox_failed_total')).toBe(0);
  });

  it('fails a message for good on a final error about it (131026, 131051), keeping the reason', async () => {
    graph.answerNext('recipient_invalid', 'unsupported_type');
    const { sender, metrics } = await startSender();
    sender.add([enqueue(1, 'a nadie'), enqueue(2, 'raro'), enqueue(1, 'después')]);
    await sender.idle();
    const stored = database.sqlite.prepare('SELECT state, error_code AS code, error FROM outbox ORDER BY id').all();
    expect(stored).toEqual([
      { state: 'failed', code: 131026, error: '(#131026) Message undeliverable' },
      { state: 'failed', code: 131051, error: '(#131051) Unsupported message type' },
      { state: 'sent', code: null, error: null },
    ]);
    expect(metrics.value('charla_outbox_failed_total')).toBe(2);
  });

  it('retries rate limits (4, 80007, 130429, 131056) past the attempt limit: throttling never fails a message', async () => {
    graph.answerNext('account_rate_limit');
    const { sender } = await startSender();
    sender.add([enqueue(1, 'una vez')]);
    await sender.idle();
    expect(rows()[0]).toMatchObject({ state: 'sent', attempts: 2 });

    const limits = ['app_rate_limit', 'account_rate_limit', 'throttled', 'pair_rate_limit', 'app_rate_limit', 'account_rate_limit'] as const;
    expect(limits.length).toBeGreaterThan(settings.maxAttempts);
    graph.answerNext(...limits);
    sender.add([enqueue(2, 'insistente')]);
    await sender.idle();
    expect(rows()[1]).toMatchObject({ state: 'sent', attempts: limits.length + 1 });
  });

  it('pauses the channel on 190, holds every message of the number, and delivers them in order once a new token resumes it', async () => {
    graph.expireToken('token-123');
    const { sender, metrics, channels, setToken } = await startSender();
    sender.add([enqueue(1, '1a'), enqueue(2, '2a'), enqueue(1, '1b'), enqueue(2, '2b')]);
    await sender.idle();
    expect(await channels.summary(NUMBER)).toMatchObject({ state: 'paused', pause: { code: 190, reason: 'Error validating access token: Session has expired' } });
    expect(sender.pausedChannels).toBe(1);
    expect(metrics.value('charla_channel_pauses_total')).toBe(1);
    expect(rows().every((row) => row.state === 'queued')).toBe(true);
    expect(sender.unsentCount).toBe(4);
    const refused = graph.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(graph.requests).toHaveLength(refused);

    setToken('token-new');
    await channels.resume(NUMBER, Date.now());
    sender.resumeChannel(NUMBER);
    await sender.idle();
    const delivered = graph.requests.filter((request) => request.wamid !== undefined);
    for (const conversation of [1, 2]) {
      expect(delivered.filter((request) => request.body.to === `+${conversation}`).map(textOf)).toEqual([`${conversation}a`, `${conversation}b`]);
    }
    expect(rows().every((row) => row.state === 'sent')).toBe(true);
    expect(sender.pausedChannels).toBe(0);
  });

  it('keeps a channel paused across a restart', async () => {
    const { channels } = await startSender();
    await channels.pause(NUMBER, 368, '(#368) Temporarily blocked for policies violations', Date.now());
    enqueue(1, 'espera');
    const restarted = await startSender();
    await restarted.sender.idle();
    expect(graph.requests).toHaveLength(0);
    expect(restarted.sender.unsentCount).toBe(1);
  });

  it('gives up on a transient error after the last attempt', async () => {
    graph.answerAlways('server_error');
    const { sender } = await startSender();
    sender.add([enqueue(1, 'nunca')]);
    await sender.idle();
    expect(graph.requests).toHaveLength(settings.maxAttempts);
    expect(rows()[0]).toMatchObject({ state: 'failed', attempts: settings.maxAttempts, errorCode: 131000 });
  });

  it('after a restart sends what was queued and resends, with a log line, what was in flight', async () => {
    const store = liveStore();
    enqueue(1, 'quedó en vuelo');
    enqueue(1, 'en cola');
    enqueue(2, 'otra conversación');
    await store.outbox.markInFlight([1]);
    const { sender, metrics } = await startSender();
    await sender.idle();
    expect(graph.requests.map(textOf).sort()).toEqual(['en cola', 'otra conversación', 'quedó en vuelo']);
    expect(rows().every((row) => row.state === 'sent')).toBe(true);
    expect(metrics.value('charla_outbox_resent_total')).toBe(1);
    const resends = logLines.filter((line) => line.includes('resending a message that was in flight'));
    expect(resends).toHaveLength(1);
    expect(JSON.parse(resends[0]!)).toMatchObject({ outboxId: 1, conversationId: 1 });
  });
});

describe('read receipts', () => {
  it('spend what the replies leave of the number\'s rate, one per contact (a later message takes an earlier one\'s place)', { timeout: 10_000 }, async () => {
    const { sender, metrics } = await startSender({ ratePerSecond: 2 });
    // Four replies at 2/s: two go at once, two within the next second; the receipts wait for them.
    sender.add([enqueue(1, 'a'), enqueue(2, 'b'), enqueue(3, 'c'), enqueue(4, 'd')]);
    sender.showTyping(NUMBER, 'ana', 'wamid.ana.1');
    sender.showTyping(NUMBER, 'ana', 'wamid.ana.2');
    sender.showTyping(NUMBER, 'beto', 'wamid.beto.1');
    await graph.waitForReads(1);
    expect(graph.requests.map(textOf)).toEqual(['a', 'b', 'c', 'd']);
    await sender.idle();
    expect(graph.reads.map((read) => read.body)).toEqual([
      { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.ana.2', typing_indicator: { type: 'text' } },
      { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.beto.1', typing_indicator: { type: 'text' } },
    ]);
    expect(metrics.value('charla_read_receipts_merged_total')).toBe(1);
    expect(metrics.value('charla_typing_indicators_total')).toBe(2);
  });

  it('drops the typing indicator from a receipt whose reply went out first', { timeout: 10_000 }, async () => {
    const { sender, metrics } = await startSender({ ratePerSecond: 1 });
    const reply = enqueue(1, 'hola');
    sender.add([reply]);
    sender.showTyping(NUMBER, 'ana', 'wamid.ana.1');
    sender.repliedTo(NUMBER, 'ana', 'wamid.ana.1', [reply]);
    await sender.idle();
    expect(graph.requests.map(textOf)).toEqual(['hola']);
    expect(graph.reads.map((read) => read.body)).toEqual([{ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.ana.1' }]);
    expect(metrics.value('charla_read_receipts_total')).toBe(1);
    expect(metrics.value('charla_typing_indicators_total')).toBe(0);
  });

  it('drops the typing indicator from a receipt that waited longer than Meta shows it', () => {
    const limiter = new RateLimiter(1);
    const receipts = new ReadReceipts(() => undefined);
    receipts.add('ana', { phoneNumberId: NUMBER, wamid: 'wamid.ana.1', typing: true }, 0);
    receipts.add('beto', { phoneNumberId: NUMBER, wamid: 'wamid.beto.1', typing: true }, 0);
    receipts.add('ana', { phoneNumberId: NUMBER, wamid: 'wamid.ana.2', typing: true }, 20_000);
    // Ana keeps her place in line with her latest message, whose indicator is still fresh at 30 s; Beto's is not.
    expect(receipts.take(30_000, limiter)).toEqual([{ phoneNumberId: NUMBER, wamid: 'wamid.ana.2', typing: true }]);
    expect(receipts.take(31_000, limiter)).toEqual([{ phoneNumberId: NUMBER, wamid: 'wamid.beto.1', typing: false }]);
    expect(receipts.size).toBe(0);
  });
});

describe('rate limiter', () => {
  it('allows a second of burst, then one send per 1/rate seconds, per business number', () => {
    const limiter = new RateLimiter(80);
    for (let sent = 0; sent < 80; sent += 1) expect(limiter.take('a', 1_000)).toBe(0);
    expect(limiter.take('a', 1_000)).toBe(13);
    expect(limiter.take('b', 1_000)).toBe(0);
    expect(limiter.take('a', 1_013)).toBe(0);
    expect(limiter.take('a', 1_013)).toBeGreaterThan(0);
  });
});
