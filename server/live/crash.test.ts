import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGraph } from '../testing/fake-graph.ts';
import { publishFixture, waitForDrain } from '../testing/publish-fixture.ts';
import { spawnServer, type SpawnedServer } from '../testing/spawn-server.ts';
import { signedHeaders, statusWebhook, textWebhook } from '../testing/webhook-body.ts';

const PHONE_NUMBER_ID = '106540352242922';
const SECRET = 'crash-app-secret';
const ADMIN = 'crash-admin-token';
const CONTACTS = 30;
const ACKS_BEFORE_KILL = 150;

/**
 * A real server process is killed with SIGKILL in the middle of a load and restarted on the same
 * SQLite file: no acknowledged message may be lost, and only replies whose Graph API call was in
 * flight at the kill may be sent twice (each logged at start-up). Both are counted on the fake Graph.
 */
describe('crash', () => {
  it('loses no acknowledged message and resends at most the in-flight replies after SIGKILL', { timeout: 120_000 }, async () => {
    // A slow Graph API keeps replies in flight when the process dies.
    const graph = await startFakeGraph({ delayMs: 20 });
    const dir = mkdtempSync(join(tmpdir(), 'charla-crash-'));
    const dbPath = join(dir, 'charla.db');
    const env = {
      CHARLA_DB: dbPath, WHATSAPP_APP_SECRET: SECRET, CHARLA_ADMIN_TOKEN: ADMIN, WHATSAPP_GRAPH_URL: graph.url,
      WHATSAPP_ACCESS_TOKEN: 'crash-token', CHARLA_OUTBOX_RATE: '100000', CHARLA_LOG_LEVEL: 'info',
      CHARLA_OUTBOX_UNCERTAIN_GRACE_MS: '5000',
    };
    let second: SpawnedServer | undefined;
    try {
      const first = await spawnServer('server/testing/serve-live.ts', env);
      await publishFixture(first.url, ADMIN, 'pizzeria', PHONE_NUMBER_ID);

      const acknowledged: string[] = [];
      let killed = false;
      let sequence = 0;
      const drive = Array.from({ length: CONTACTS }, async (_, contact) => {
        while (!killed) {
          const wamid = `wamid.CRASH${++sequence}`;
          const body = textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: String(5491100000000 + contact), wamid, text: 'menu' });
          try {
            const response = await fetch(`${first.url}/webhooks/whatsapp`, { method: 'POST', headers: signedHeaders(body, SECRET), body });
            if (response.status === 200) acknowledged.push(wamid);
            await response.arrayBuffer();
          } catch {
            return; // the server is gone
          }
          if (acknowledged.length >= ACKS_BEFORE_KILL && !killed) {
            killed = true;
            first.process.kill('SIGKILL');
          }
        }
      });
      await Promise.all(drive);
      await first.exited;

      graph.setDelay(0);
      second = await spawnServer('server/testing/serve-live.ts', env);
      // What Meta does for every message it accepted, including those whose answer died with the
      // process: a `sent` status echoing the callback data, redelivered until the server answers.
      const accepted = graph.requests.filter((request) => request.wamid !== undefined);
      for (let from = 0; from < accepted.length; from += 500) {
        const body = statusWebhook(PHONE_NUMBER_ID, accepted.slice(from, from + 500).map((request) => ({
          wamid: request.wamid!, status: 'sent' as const, recipientId: String(request.body.to).replace(/^\+/, ''), callbackData: request.callbackData!,
        })));
        const response = await fetch(`${second.url}/webhooks/whatsapp`, { method: 'POST', headers: signedHeaders(body, SECRET), body });
        expect(response.status).toBe(200);
      }
      await waitForDrain(second.url);
      const resendsLogged = second.lines.filter((line) => line.includes('resending a message that was in flight')).length;
      second.process.kill('SIGTERM');
      await second.exited;

      const sqlite = new Database(dbPath, { readonly: true });
      const state = sqlite.prepare<[string], { state: string }>('SELECT state FROM inbound_messages WHERE wamid = ?');
      const lost = acknowledged.filter((wamid) => state.get(wamid)?.state !== 'processed');
      const outbox = sqlite.prepare('SELECT state, wamid FROM outbox').all() as Array<{ state: string; wamid: string | null }>;
      sqlite.close();

      expect(acknowledged.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
      expect(lost).toEqual([]);
      expect(outbox.every((row) => row.state === 'sent')).toBe(true);
      // Every reply reached the Graph API; a request whose answer died with the process was resent.
      const recordedWamids = new Set(outbox.map((row) => row.wamid));
      const answered = graph.requests.filter((request) => request.wamid !== undefined);
      expect(answered.filter((request) => recordedWamids.has(request.wamid!))).toHaveLength(outbox.length);
      const callsPerRow = new Map<string, number>();
      for (const request of graph.requests) callsPerRow.set(request.callbackData!, (callsPerRow.get(request.callbackData!) ?? 0) + 1);
      const duplicates = [...callsPerRow.values()].reduce((sum, calls) => sum + calls - 1, 0);
      console.log(`crash test: lost = ${lost.length}, duplicates = ${duplicates}, sends in flight at the kill = ${resendsLogged}`);
      expect(duplicates).toBeLessThanOrEqual(resendsLogged);
      expect(resendsLogged).toBeLessThanOrEqual(64); // CHARLA_OUTBOX_CONCURRENCY: the most that can be in flight
    } finally {
      if (second && second.process.exitCode === null) second.process.kill('SIGKILL');
      await graph.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
