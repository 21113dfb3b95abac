import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startFakeGraph } from '../testing/fake-graph.ts';
import { outboxIdOf } from './callback-data.ts';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { publishFixture, waitForDrain } from '../testing/publish-fixture.ts';
import { spawnServer, type SpawnedServer } from '../testing/spawn-server.ts';
import { signedHeaders, statusWebhook, textWebhook } from '../testing/webhook-body.ts';

const PHONE_NUMBER_ID = '106540352242922';
const SECRET = 'multi-crash-app-secret';
const ADMIN = 'multi-crash-admin-token';
const INSTANCES = 3;
const CONTACTS = 20;
const ACKS_BEFORE_KILL = 30;
const ACKS_BEFORE_RESTART = 60;
const ACKS_IN_ALL = 90;
const RESEND_LOG = 'resending a message that was in flight when its instance stopped';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 120_000);
afterAll(() => postgres?.stop());

/**
 * Three real server processes on one PostgreSQL (docs/operations.md, Several instances), each
 * contact's messages spread over all three in turn; one is killed with SIGKILL mid-load and
 * restarted. Meta redelivers a webhook that got no answer, here to the next instance. No
 * acknowledged message may be lost, each contact's messages must be answered in the order they were
 * acknowledged, and only replies whose Graph API call was in flight at the kill may go twice.
 */
describe('several instances on one PostgreSQL', () => {
  it('loses nothing, keeps each contact in order and resends at most the in-flight replies when one is SIGKILLed', { timeout: 180_000 }, async () => {
    const graph = await startFakeGraph({ delayMs: 20 });
    const dir = mkdtempSync(join(tmpdir(), 'charla-multi-'));
    const databaseUrl = await postgres.freshDatabase();
    const env = {
      CHARLA_DATABASE_URL: databaseUrl, CHARLA_DB: join(dir, 'unused.db'), CHARLA_SECRET_KEY: 'ab'.repeat(32),
      WHATSAPP_APP_SECRET: SECRET, CHARLA_ADMIN_TOKEN: ADMIN, WHATSAPP_GRAPH_URL: graph.url, WHATSAPP_ACCESS_TOKEN: 'multi-token',
      CHARLA_OUTBOX_RATE: '100000', CHARLA_LOG_LEVEL: 'info',
      // The killed instance's claimed replies are another's to send after the lease (timeout + grace): 6 s here.
      CHARLA_OUTBOX_TIMEOUT_MS: '5000', CHARLA_OUTBOX_UNCERTAIN_GRACE_MS: '1000',
    };
    const servers: SpawnedServer[] = [];
    const everyLine = () => servers.flatMap((server) => server.lines);
    try {
      servers.push(await spawnServer('server/testing/serve-live.ts', env));
      await publishFixture(servers[0]!.url, ADMIN, 'pizzeria', PHONE_NUMBER_ID);
      servers.push(...await Promise.all(Array.from({ length: INSTANCES - 1 }, () => spawnServer('server/testing/serve-live.ts', env))));
      const instances: Array<SpawnedServer | undefined> = [...servers];

      const acknowledged = new Map<number, string[]>();
      let acks = 0;
      let sequence = 0;
      let killed = false;
      let restarting: Promise<void> | undefined;
      const drive = Array.from({ length: CONTACTS }, async (_, contact) => {
        const mine: string[] = [];
        acknowledged.set(contact, mine);
        for (let turn = 0; acks < ACKS_IN_ALL; turn += 1) {
          const wamid = `wamid.MULTI${contact}_${++sequence}`;
          const body = textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: String(5491100000000 + contact), wamid, text: 'menu' });
          // One contact's messages go round the instances; a delivery that fails is redelivered to the next.
          for (let attempt = 0; ; attempt += 1) {
            const target = instances[(contact + turn + attempt) % INSTANCES];
            if (!target) continue;
            const response = await fetch(`${target.url}/webhooks/whatsapp`, { method: 'POST', headers: signedHeaders(body, SECRET), body })
              .then(async (answer) => { await answer.arrayBuffer(); return answer.status; }, () => undefined);
            if (response === 200) break;
          }
          mine.push(wamid);
          acks += 1;
          if (acks >= ACKS_BEFORE_KILL && !killed) {
            killed = true;
            instances[1]!.process.kill('SIGKILL');
            instances[1] = undefined;
          }
          if (acks >= ACKS_BEFORE_RESTART && !restarting) {
            restarting = spawnServer('server/testing/serve-live.ts', env).then((restarted) => {
              servers.push(restarted);
              instances[1] = restarted;
            });
          }
        }
      });
      await Promise.all(drive);
      await restarting;

      // What Meta does for every message it accepted, including those whose answer died with the
      // process: a `sent` status echoing the callback data.
      const accepted = graph.requests.filter((request) => request.wamid !== undefined);
      for (let from = 0; from < accepted.length; from += 500) {
        const body = statusWebhook(PHONE_NUMBER_ID, accepted.slice(from, from + 500).map((request) => ({
          wamid: request.wamid!, status: 'sent' as const, recipientId: String(request.body.to).replace(/^\+/, ''), callbackData: request.callbackData!,
        })));
        const response = await fetch(`${instances[0]!.url}/webhooks/whatsapp`, { method: 'POST', headers: signedHeaders(body, SECRET), body });
        expect(response.status).toBe(200);
      }
      const live = instances.filter((server): server is SpawnedServer => server !== undefined);
      await Promise.all(live.map((server) => waitForDrain(server.url)));

      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const states = new Map((await client.query<{ wamid: string; state: string }>('SELECT wamid, state FROM inbound_messages')).rows
        .map((row) => [row.wamid, row.state]));
      const history = (await client.query<{ wa_id: string; wamid: string }>(
        `SELECT c.wa_id, m.wamid FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE m.direction = 'in' ORDER BY m.id`)).rows;
      const unsent = Number((await client.query<{ count: string }>(`SELECT count(*) FROM outbox WHERE state <> 'sent'`)).rows[0]!.count);
      await client.end();

      const lost = [...acknowledged.values()].flat().filter((wamid) => states.get(wamid) !== 'processed');
      // Each contact's turns in the order its messages were acknowledged.
      const turnsOf = new Map<string, string[]>();
      for (const row of history) turnsOf.set(row.wa_id, [...turnsOf.get(row.wa_id) ?? [], row.wamid]);
      const outOfOrder = [...acknowledged].filter(([contact, wamids]) =>
        JSON.stringify(turnsOf.get(String(5491100000000 + contact)) ?? []) !== JSON.stringify(wamids)).length;
      // Each contact's replies reached the Graph API in the order they were queued (outbox ids ascending).
      const lastSent = new Map<string, number>();
      let repliesOutOfOrder = 0;
      for (const request of graph.requests) {
        const id = outboxIdOf(request.callbackData) ?? 0;
        const to = String(request.body.to);
        if (id < (lastSent.get(to) ?? 0)) repliesOutOfOrder += 1;
        lastSent.set(to, Math.max(id, lastSent.get(to) ?? 0));
      }
      const callsPerRow = new Map<string, number>();
      for (const request of graph.requests) callsPerRow.set(request.callbackData!, (callsPerRow.get(request.callbackData!) ?? 0) + 1);
      const duplicates = [...callsPerRow.values()].reduce((sum, calls) => sum + calls - 1, 0);
      const inFlightAtKill = everyLine().filter((line) => line.includes(RESEND_LOG)).length;
      console.log(`multi-instance crash test: acknowledged = ${acks}, lost = ${lost.length}, contacts out of order = ${outOfOrder}, `
        + `replies out of order = ${repliesOutOfOrder}, duplicated replies = ${duplicates}, sends in flight at the kill = ${inFlightAtKill}`);

      expect(acks).toBeGreaterThanOrEqual(ACKS_IN_ALL);
      expect(lost).toEqual([]);
      expect(outOfOrder).toBe(0);
      expect(repliesOutOfOrder).toBe(0);
      expect(unsent).toBe(0);
      expect(duplicates).toBeLessThanOrEqual(inFlightAtKill);
      expect(inFlightAtKill).toBeLessThanOrEqual(64); // CHARLA_OUTBOX_CONCURRENCY: the most one instance has in flight
    } finally {
      for (const server of servers) if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
      await Promise.all(servers.map((server) => server.exited));
      await graph.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
