import { oracle } from '../../runtime/whatsapp/testdata/oracle.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { statusWebhook, textWebhook } from '../testing/webhook-body.ts';
import { outboxCallbackData } from './callback-data.ts';
import { liveConfigFromEnv } from './live-config.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const CONTACTS = ['5491155550001', '5491155550002', '5491155550003'];

let clock = Date.UTC(2026, 0, 1);
let t: LiveTestApp;

beforeEach(async () => {
  clock = Date.UTC(2026, 0, 1);
  t = await createLiveTestApp({ CHARLA_RETENTION_BATCH_SIZE: '10' }, { now: () => clock });
});
afterEach(() => t.close());

const count = (table: string) => t.rows<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]!.n;

async function chat(rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, from] of CONTACTS.entries()) {
      const body = textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from, wamid: `wamid.R${clock}.${round}.${index}`, text: 'menu' });
      expect((await t.postWebhook(body)).statusCode).toBe(200);
    }
    await t.settle();
  }
}

describe('statuses', () => {
  it('stores no status for a wamid Charla never sent (1,000 forged statuses → 0 rows)', async () => {
    const forged = Array.from({ length: 1000 }, (_, index) => ({
      wamid: `wamid.FORGED${index}`, status: 'delivered' as const, recipientId: '5491155550999',
    }));
    const response = await t.postWebhook(statusWebhook(PHONE_NUMBER_ID, forged));
    expect(response.statusCode).toBe(200);
    expect(count('message_statuses')).toBe(0);
  });

  it('stores the statuses of messages it sent, matched by wamid or by the callback data naming the outbox row', async () => {
    await chat(1);
    const sent = t.rows<{ id: number; wamid: string }>(`SELECT id, wamid FROM outbox WHERE state = 'sent' ORDER BY id`);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    const [byWamid, byCallback] = sent;
    const response = await t.postWebhook(statusWebhook(PHONE_NUMBER_ID, [
      { wamid: byWamid!.wamid, status: 'delivered', recipientId: CONTACTS[0]! },
      // The callback data matches a row even before its wamid is known (the send's answer was lost).
      { wamid: 'wamid.NOT_YET_RECORDED', status: 'read', recipientId: CONTACTS[0]!, callbackData: outboxCallbackData(byCallback!.id) },
      // Callback data naming a row that does not exist is as good as none.
      { wamid: 'wamid.FORGED', status: 'read', recipientId: CONTACTS[0]!, callbackData: outboxCallbackData(999_999) },
    ]));
    expect(response.statusCode).toBe(200);
    expect(t.rows('SELECT wamid, status FROM message_statuses ORDER BY wamid')).toEqual([
      { wamid: byWamid!.wamid, status: 'delivered' },
      { wamid: 'wamid.NOT_YET_RECORDED', status: 'read' },
    ]);
  });

  it('sends every message with biz_opaque_callback_data naming its outbox row, and the body still validates against Meta\'s schema', async () => {
    await chat(1);
    const rows = t.rows<{ id: number; wamid: string }>('SELECT id, wamid FROM outbox ORDER BY id');
    expect(t.graph.requests).toHaveLength(rows.length);
    const validate = oracle('Message');
    for (const request of t.graph.requests) {
      const row = rows.find((candidate) => candidate.wamid === request.wamid)!;
      expect(request.callbackData).toBe(outboxCallbackData(row.id));
      const sent = { ...request.body, biz_opaque_callback_data: request.callbackData };
      expect(validate(sent), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});

describe('retention', () => {
  it('purges history older than CHARLA_RETENTION_DAYS in small batches, yielding between them, and keeps the conversations', async () => {
    await chat(4);
    const sent = t.rows<{ wamid: string }>(`SELECT wamid FROM outbox WHERE state = 'sent'`);
    await t.postWebhook(statusWebhook(PHONE_NUMBER_ID, sent.map((row) => ({ wamid: row.wamid, status: 'delivered' as const, recipientId: CONTACTS[0]! }))));
    const before = {
      inbound: count('inbound_messages'), history: count('conversation_messages'), outbox: count('outbox'), statuses: count('message_statuses'),
    };
    expect(before.statuses).toBe(sent.length);
    const conversations = t.rows('SELECT id, wa_id, contact_name, status, session, last_user_message_at FROM conversations ORDER BY id');
    expect(conversations).toHaveLength(CONTACTS.length);

    // Nothing is old enough yet.
    const early = await t.app.live.retention.purge();
    expect(Object.values(early.deleted).every((n) => n === 0)).toBe(true);

    clock += 91 * DAY_MS;
    await chat(1); // recent traffic, which must stay
    const recent = { inbound: CONTACTS.length, history: count('conversation_messages') - before.history };

    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const report = await t.app.live.retention.purge();
    ticking = false;

    expect(report.deleted).toMatchObject({
      inbound_messages: before.inbound, conversation_messages: before.history, outbox: before.outbox, message_statuses: before.statuses,
    });
    const purged = before.inbound + before.history + before.outbox + before.statuses;
    // Batches of at most 10 rows: at least one statement per 10 rows purged.
    expect(report.batches).toBeGreaterThanOrEqual(Math.ceil(purged / 10));
    // Other work ran between the batches.
    expect(ticks).toBeGreaterThanOrEqual(report.batches - 1);

    expect(count('inbound_messages')).toBe(recent.inbound);
    expect(count('conversation_messages')).toBe(recent.history);
    expect(t.rows('SELECT id, wa_id, contact_name FROM conversations ORDER BY id'))
      .toEqual(conversations.map((row) => ({ id: (row as { id: number }).id, wa_id: (row as { wa_id: string }).wa_id, contact_name: (row as { contact_name: string }).contact_name })));
  });

  it('refuses a retention shorter than Meta\'s 7 days of redelivery', () => {
    expect(() => liveConfigFromEnv({ CHARLA_RETENTION_DAYS: '3' })).toThrow(/CHARLA_RETENTION_DAYS must be at least 7/);
    expect(liveConfigFromEnv({}).retention).toMatchObject({ days: 90, simulationDays: 7 });
  });
});
