import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlowDocument } from '../../schema/index.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { textWebhook } from '../testing/webhook-body.ts';

const CUSTOMERS = Array.from({ length: 15 }, (_, index) => `54911555${String(index).padStart(5, '0')}`);
const REMINDER = '¿Seguís ahí? Decime tu nombre y seguimos.';
const ASKED_AGAIN = '¿Tu nombre?';
const RATE_PER_SECOND = 10;

/** The reminder bot (testdata/recordatorio.json) with a timeout long enough to stop the server before it falls due. */
function reminderFlow(timeoutSeconds: number): FlowDocument {
  const flow = JSON.parse(readFileSync(new URL('./testdata/recordatorio.json', import.meta.url), 'utf8')) as FlowDocument;
  (flow.nodes.find((node) => node.id === 'pregunta')!.data as { timeoutSeconds: number }).timeoutSeconds = timeoutSeconds;
  return flow;
}

describe('timers after downtime', () => {
  let dir: string;
  let t: LiveTestApp | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'charla-catch-up-'));
  });
  afterEach(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every reminder that fell due while the server was down fires once at restart, paced by the send rate', { timeout: 40_000 }, async () => {
    const env = { CHARLA_DB: join(dir, 'charla.db'), CHARLA_OUTBOX_RATE: String(RATE_PER_SECOND), CHARLA_TIMER_BATCH_SIZE: '4' };
    t = await createLiveTestApp(env, { flow: reminderFlow(60) });
    for (const [index, customer] of CUSTOMERS.entries()) {
      await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: customer, wamid: `wamid.D${index}`, text: 'hola' }));
    }
    await t.settle();
    expect(t.graph.requests).toHaveLength(CUSTOMERS.length);
    await t.close();

    // Ten minutes later (the reminders were due after one): the same database, a new process and Graph API.
    t = await createLiveTestApp(env, { now: () => Date.now() + 10 * 60_000, flow: { ...reminderFlow(60), name: 'Recordatorio (otra versión)' } });
    const expected = CUSTOMERS.length * 2;
    const arrivals: number[] = [];
    for (let count = 1; count <= expected; count += 1) {
      await t.graph.waitForRequests(count);
      arrivals.push(Date.now());
    }
    await t.settle();
    // Long enough for a timer fired twice to show.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const sent = t.graph.requests.map((request) => ({ to: request.body.to, text: (request.body.text as { body: string }).body }));
    expect(sent).toHaveLength(expected);
    for (const customer of CUSTOMERS) {
      // Each conversation in order, on the version it began on: the reminder, then the question asked again.
      expect(sent.filter((message) => message.to === `+${customer}`).map((message) => message.text)).toEqual([REMINDER, ASKED_AGAIN]);
    }
    expect(t.rows(`SELECT state, count(*) AS count FROM timers WHERE action LIKE '%timeout%' GROUP BY state`)).toEqual([
      { state: 'fired', count: CUSTOMERS.length },
    ]);
    // Paced: a second's worth goes at once (the bucket), the rest at the rate (2 s here, less the first send's
    // own latency, which delays when the count starts); never more than twice the rate in any second.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(((expected - RATE_PER_SECOND) / RATE_PER_SECOND) * 1000 - 500);
    for (const [index, at] of arrivals.entries()) {
      expect(arrivals.filter((other) => other >= at && other < at + 1000).length, `sends in the second from #${index}`).toBeLessThanOrEqual(2 * RATE_PER_SECOND);
    }
  });
});
