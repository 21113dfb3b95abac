/**
 * The question-node attack of issue 10 (finding 2) through the live webhook, in process: customers
 * answer a question whose pattern backtracks exponentially in JavaScript with 1,000-character texts
 * made to trigger it. Prints the worst event-loop stall (what /healthz and every other customer
 * wait) during the attack and, as the baseline in the same run, during as many short answers.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout } from 'node:timers/promises';
import { HOSTILE_TEXT } from '../../runtime/testing/hostile-patterns.ts';
import { createLiveTestApp, PHONE_NUMBER_ID } from '../testing/live-test-app.ts';
import { hostilePatternFlow } from '../testing/regex-attack.ts';
import { textWebhook } from '../testing/webhook-body.ts';

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
    const baseline = await worstStall(() => send('short', (customer) => `usuario${customer}@`));
    await send('again', () => 'hola');
    const attack = await worstStall(() => send('attack', () => HOSTILE_TEXT));
    console.log(`${CUSTOMERS} customers, one webhook every ${PACE_MS} ms, answer a question with pattern ^([a-z0-9]|[a-z])*@$ (RE2); worst event-loop stall:`);
    const cells = (stall: Stall) => `worst ${stall.max.toFixed(1)} ms, p99 ${stall.p99.toFixed(1)} ms`;
    console.log(`  1,000-character hostile answers: ${cells(attack)} (target: worst < 20 ms)`);
    console.log(`  short answers (baseline, same run): ${cells(baseline)}`);
    console.log('  (a stall also counts the time the OS gave the CPU to other processes: on a shared machine compare with the baseline)');
  } finally {
    await t.close();
  }
}

interface Stall { max: number; p99: number }

/** How long the event loop was blocked while `work` ran, in ms: the longest and the 99th percentile. */
async function worstStall(work: () => Promise<void>): Promise<Stall> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await work();
  histogram.disable();
  return { max: histogram.max / 1e6, p99: histogram.percentile(99) / 1e6 };
}
