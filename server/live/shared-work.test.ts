import { startSession } from '../../runtime/core/session.ts';
import { openPostgres, type PostgresConnection } from '../db/postgres-connection.ts';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { ContactClaims } from './contact-claims.ts';
import type { LiveStore, SharedWork } from './live-store.ts';
import { createPostgresLiveStore } from './postgres-live-store.ts';

// What several instances on one PostgreSQL share (docs/operations.md, Several instances): two stores,
// each on its own pool, stand for two instances on one database.

const NUMBER = '106540352242922';
const OTHER_NUMBER = '106540352242923';
const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);
const LEASE = NOW + 60_000;

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 120_000);
afterAll(() => postgres?.stop());

let url: string;
let connections: PostgresConnection[];
let instances: Array<{ store: LiveStore; shared: SharedWork }>;
beforeEach(async () => {
  url = await postgres.freshDatabase();
  connections = [await openPostgres(url), await openPostgres(url)];
  instances = connections.map((connection) => {
    const store = createPostgresLiveStore(connection.db);
    return { store, shared: store.shared! };
  });
});
afterEach(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
});

/** Stores a turn for a new contact on `phoneNumberId` with `replies` queued; returns its outbox ids. */
async function queueReplies(store: LiveStore, waId: string, replies: number, phoneNumberId = NUMBER): Promise<number[]> {
  const contact = { waId };
  const { queued } = await store.conversations.storeTurn({
    conversation: undefined, phoneNumberId, waId, userId: null, username: null, contactName: null, flowId: 'pizzeria', version: 1,
    session: startSession({ flow: { id: 'pizzeria' }, contact, version: 1, now: NOW }),
    replies: Array.from({ length: replies }, (_, index) => JSON.stringify({ text: { body: `reply ${index}` } })), notices: [], now: NOW,
  });
  return queued.map((item) => item.id);
}

describe('several instances on one PostgreSQL', () => {
  it('claim each conversation\'s oldest unsent reply once between them, the next only once it is sent, and a lapsed claim again', async () => {
    const [a, b] = instances;
    const first = await queueReplies(a!.store, '5491100000001', 2);
    const second = await queueReplies(b!.store, '5491100000002', 2);
    const claims = await Promise.all([a!.shared.claimOutbox(NOW, 10, 1000, LEASE), b!.shared.claimOutbox(NOW, 10, 1000, LEASE)]);
    const claimed = claims.flatMap((claim) => claim.items.map((item) => item.id)).sort((x, y) => x - y);
    expect(claimed).toEqual([first[0], second[0]]);
    expect(claims.flatMap((claim) => claim.items).every((item) => item.attempts === 1 && !item.abandoned)).toBe(true);

    // In flight, the head holds its conversation back; sent, the next reply goes.
    expect((await b!.shared.claimOutbox(NOW, 10, 1000, LEASE)).items).toEqual([]);
    await a!.store.outbox.markSent(first[0]!, 'wamid.SENT1');
    expect((await b!.shared.claimOutbox(NOW, 10, 1000, LEASE)).items.map((item) => item.id)).toEqual([first[1]]);

    // The instance holding second[0] died: after its lease another instance claims it, as abandoned (maybe sent).
    expect((await b!.shared.claimOutbox(LEASE - 1, 10, 1000, LEASE + 60_000)).items).toEqual([]);
    const reclaimed = (await b!.shared.claimOutbox(LEASE, 10, 1000, LEASE + 60_000)).items;
    expect(reclaimed.find((item) => item.id === second[0])).toMatchObject({ abandoned: true, uncertain: true, attempts: 2 });
    expect(reclaimed.map((item) => item.id).sort((x, y) => x - y)).toEqual([first[1], second[0]]);
    expect(await a!.shared.unsentCount()).toBe(3);
  });

  it('claim a conversation\'s queued replies together, the rest each in flight only as the one before is marked sent', async () => {
    const [a, b] = instances;
    const replies = await queueReplies(a!.store, '5491100000401', 3);
    const claim = await a!.shared.claimOutbox(NOW, 10, 1000, LEASE);
    expect(claim.items.map((item) => item.id)).toEqual([replies[0]]);
    expect(claim.followers.map((item) => item.id)).toEqual([replies[1], replies[2]]);
    // The followers stay queued, yet no other instance may take them while the one before is unsent.
    expect((await b!.shared.claimOutbox(NOW, 10, 1000, LEASE)).items).toEqual([]);
    expect(await a!.shared.markSentClaimingNext(replies[0]!, 'wamid.C1', replies[1], LEASE)).toBe(true);
    expect((await b!.shared.claimOutbox(NOW, 10, 1000, LEASE)).items).toEqual([]);
    // The next one was taken meanwhile (not queued any more): not claimed twice.
    await b!.store.outbox.markFailed(replies[2]!, null, 'given up elsewhere');
    expect(await a!.shared.markSentClaimingNext(replies[1]!, 'wamid.C2', replies[2], LEASE)).toBe(false);
    const states = await connections[0]!.pool.query<{ id: string; state: string; attempts: number }>('SELECT id, state, attempts FROM outbox ORDER BY id');
    expect(states.rows.map((row) => [Number(row.id), row.state, row.attempts])).toEqual([[replies[0], 'sent', 1], [replies[1], 'sent', 1], [replies[2], 'failed', 0]]);
  });

  it('share one send rate per business number: together never more than the rate allows, and a pause holds every instance', async () => {
    const [a, b] = instances;
    for (let contact = 0; contact < 20; contact += 1) await queueReplies(a!.store, String(5491100000100 + contact), 1);
    await queueReplies(a!.store, '5491100000999', 1, OTHER_NUMBER);
    // 5/s: a number idle for a while may send one second's worth at once, then one every 200 ms.
    const burst = await Promise.all([a!.shared.claimOutbox(NOW, 64, 5, LEASE), b!.shared.claimOutbox(NOW, 64, 5, LEASE)]);
    const ofNumber = (claims: typeof burst) => claims.flatMap((claim) => claim.items).filter((item) => item.phoneNumberId === NUMBER).length;
    expect(ofNumber(burst)).toBe(5);
    expect(burst.flatMap((claim) => claim.items).filter((item) => item.phoneNumberId === OTHER_NUMBER)).toHaveLength(1);
    expect(burst.some((claim) => claim.rateWaitMs !== undefined && claim.rateWaitMs <= 200)).toBe(true);
    expect(ofNumber(await Promise.all([a!.shared.claimOutbox(NOW + 100, 64, 5, LEASE), b!.shared.claimOutbox(NOW + 100, 64, 5, LEASE)]))).toBe(0);
    expect(ofNumber(await Promise.all([a!.shared.claimOutbox(NOW + 200, 64, 5, LEASE), b!.shared.claimOutbox(NOW + 200, 64, 5, LEASE)]))).toBe(1);

    // Meta's throughput error on one instance holds the number on the other until the pause ends.
    await a!.shared.pauseNumber(NUMBER, NOW + 5_000, 5);
    expect((await b!.shared.claimOutbox(NOW + 4_000, 64, 5, LEASE)).items.filter((item) => item.phoneNumberId === NUMBER)).toHaveLength(0);
    expect((await b!.shared.claimOutbox(NOW + 5_000, 64, 5, LEASE)).items.filter((item) => item.phoneNumberId === NUMBER)).toHaveLength(1);
  });

  it('wake the other instances\' senders when one queues replies (LISTEN/NOTIFY), not its own', async () => {
    const [a, b] = instances;
    const heard = { a: 0, b: 0 };
    const lost: Error[] = [];
    const stops = [a!.shared.listenForQueued(() => { heard.a += 1; }, (error) => lost.push(error)),
      b!.shared.listenForQueued(() => { heard.b += 1; }, (error) => lost.push(error))];
    try {
      // LISTEN is on a connection of its own: wait until both listen before queueing.
      for (let tries = 0; tries < 100 && heard.a === 0; tries += 1) {
        await queueReplies(b!.store, `54911000002${String(tries).padStart(2, '0')}`, 2);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(heard.a).toBeGreaterThan(0);
      const before = heard.a;
      await queueReplies(b!.store, '5491100000300', 1);
      await queueReplies(a!.store, '5491100000301', 1);
      for (let tries = 0; tries < 100 && heard.a === before; tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(heard.a).toBe(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard.b).toBe(1); // a's one turn, never its own
      expect(lost).toEqual([]);
    } finally {
      await Promise.all(stops.map((stop) => stop()));
    }
  });

  it('read a contact\'s pending messages whoever stored them, in arrival order, and find those left waiting', async () => {
    const [a, b] = instances;
    const row = (wamid: string, waId: string, receivedAt: number) => ({
      wamid, phoneNumberId: NUMBER, waId, payload: JSON.stringify({ message: { id: wamid } }), receivedAt,
    });
    await a!.store.inbound.accept([row('wamid.A2', '5491100000001', NOW + 2)], []);
    await b!.store.inbound.accept([row('wamid.A1', '5491100000001', NOW + 1), row('wamid.B1', '5491100000002', NOW + 5_000)], []);
    expect((await a!.shared.pendingOf({ phoneNumberId: NUMBER, contactKey: '5491100000001' })).map((pending) => pending.wamid)).toEqual(['wamid.A1', 'wamid.A2']);
    expect(await b!.shared.stalledContacts(NOW + 1_000, 10)).toEqual([{ phoneNumberId: NUMBER, contactKey: '5491100000001' }]);
  });

  it('give a contact\'s claim to one instance at a time, and free it when that instance\'s connections go', async () => {
    const lost: Error[] = [];
    const first = new ContactClaims(url, (error) => lost.push(error));
    const second = new ContactClaims(url, (error) => lost.push(error));
    try {
      expect(await first.tryClaim('106540352242922:5491100000001')).toBe(true);
      expect(await first.tryClaim('106540352242922:5491100000001')).toBe(false); // held here already: not re-entered
      expect(await second.tryClaim('106540352242922:5491100000001')).toBe(false);
      expect(await second.tryClaim('106540352242922:5491100000002')).toBe(true);
      const waited = second.withClaim('106540352242922:5491100000001', async () => 'ran');
      await first.close(); // the instance is gone: its claims with it
      expect(await waited).toBe('ran');
      expect(lost).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
