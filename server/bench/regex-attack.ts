/**
 * The question-node attack of issue 10 (finding 2) through the live webhook, in process: customers
 * answer a question whose pattern backtracks exponentially in JavaScript with 1,000-character texts
 * made to trigger it. Prints the worst event-loop stall (what /healthz and every other customer
 * wait) during the attack and, as the baseline in the same run, during as many short answers, each
 * split into the main thread's time on a CPU, waiting for one and blocked (loop-stalls.ts).
 */
import { setTimeout } from 'node:timers/promises';
import { HOSTILE_TEXT } from '../../runtime/testing/hostile-patterns.ts';
import { createLiveTestApp, PHONE_NUMBER_ID } from '../testing/live-test-app.ts';
import { hostilePatternFlow } from '../testing/regex-attack.ts';
import { textWebhook } from '../testing/webhook-body.ts';
import { formatStall, machineLoad, measureStalls, type StallReport } from './loop-stalls.ts';

const CUSTOMERS = 200;
const PACE_MS = 5;

export default async function bench(): Promise<void> {
  const t = await createLiveTestApp();
  try {
    await t.publish(hostilePatternFlow());
    await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'patrones' } });
    // Paced as traffic arrives (one webhook every PACE_MS), so a stall is the turn's own, not a burst's.
    const send = async (round: string, text: (customer: number) => string) => {
      const posted: Array<Promise<unknown>> = [];
      for (let customer = 0; customer < CUSTOMERS; customer++) {
        posted.push(t.postWebhook(textWebhook({
          phoneNumberId: PHONE_NUMBER_ID, from: `54911${String(customer).padStart(8, '0')}`, wamid: `wamid.${round}${customer}`, text: text(customer),
        })));
        await setTimeout(PACE_MS);
      }
      await Promise.all(posted);
      await t.settle();
    };
    await send('start', () => 'hola'); // every customer now waits at the question
    const baseline = await measureStalls(() => send('short', (customer) => `usuario${customer}@`));
    await send('again', () => 'hola');
    const attack = await measureStalls(() => send('attack', () => HOSTILE_TEXT));
    console.log(`${CUSTOMERS} customers, one webhook every ${PACE_MS} ms, answer a question with pattern ^([a-z0-9]|[a-z])*@$ (RE2); ${machineLoad()}:`);
    const cells = (report: StallReport) => [
      `worst stall ${formatStall(report.worst)}, p99 ${report.p99.toFixed(1)} ms`,
      report.worstOnCpu ? `; most work in one stall ${formatStall(report.worstOnCpu)}` : '',
    ].join('');
    console.log(`  1,000-character hostile answers: ${cells(attack)}`);
    console.log(`  short answers (baseline, same run): ${cells(baseline)}`);
    console.log('  target: the work in one stall (on CPU) < 20 ms. Time waiting for a CPU is other processes\'; blocked is mostly');
    console.log('  the garbage collector\'s helper threads waiting for a CPU themselves (it goes with --single-threaded-gc)');
  } finally {
    await t.close();
  }
}
