/**
 * Reading a large draft back (issue 10, finding 7): the editor reads a draft every time it opens it.
 * A 1,000-node careless draft with thousands of problems, read through the API: with its problems
 * cached for the revision, the first read in a language (validated once), and, in the same run,
 * the way it was answered before (validated on every read, every problem in the answer; with
 * today's validator, which alone took about 700 ms for this draft before) and a small
 * draft as the baseline. Prints the event-loop time of a read: the main thread's time on a CPU, which
 * other processes on a shared machine do not inflate as they do wall time (target: < 50 ms).
 */
import { setTimeout } from 'node:timers/promises';
import { loadFixtureFlow } from '../../fixtures/index.ts';
import { generateFlowWithProblems } from '../../fixtures/generate-flow.ts';
import { validateFlow } from '../../schema/index.ts';
import { createTestApp } from '../testing/test-app.ts';
import { machineLoad, threadCpuTime } from './loop-stalls.ts';

const READS = 20;

export default async function bench(): Promise<void> {
  const t = await createTestApp();
  try {
    const careless = generateFlowWithProblems(1_000);
    const pizzeria = loadFixtureFlow('pizzeria');
    for (const document of [careless, pizzeria]) {
      await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: document });
    }
    let bytes = 0;
    const read = (id: string, language = 'es') => async () => {
      const response = await t.app.inject({ method: 'GET', url: `/api/flows/${id}`, headers: { ...t.auth(), 'accept-language': language } });
      bytes = response.body.length;
    };
    const cached = await cpuTimes(READS, read(careless.id));
    const cachedBytes = bytes;
    const firstInLanguage = await cpuTimes(1, read(careless.id, 'pt'));
    // As the route answered before (with today's validator): the stored document validated on every read, every problem sent.
    let everyProblemBytes = 0;
    const everyRead = await cpuTimes(READS, async () => {
      await read(careless.id)();
      everyProblemBytes = JSON.stringify({ document: careless, problems: validateFlow(careless).problems }).length;
    });
    const small = await cpuTimes(READS, read(pizzeria.id));

    const problems = validateFlow(careless).problems.length;
    const cell = ({ median, max }: Times) => `median ${median.toFixed(1)} ms, worst ${max.toFixed(1)} ms`;
    console.log(`GET /api/flows/:id of a 1,000-node draft with ${problems} problems; event-loop time (main thread on CPU) per read, ${READS} reads; ${machineLoad()}:`);
    console.log(`  problems cached for the revision (${(cachedBytes / 1024).toFixed(0)} KB answer): ${cell(cached)}`);
    console.log(`  first read in a language not yet cached (validated once): ${cell(firstInLanguage)}`);
    console.log(`  without the cache and the cap, validated on every read with every problem (${(everyProblemBytes / 1024).toFixed(0)} KB): ${cell(everyRead)}`);
    console.log(`  baseline, the pizzería (${pizzeria.nodes.length} nodes): ${cell(small)}`);
    console.log('  target: < 50 ms per read');
  } finally {
    await t.close();
  }
}

interface Times { median: number; max: number }

/** Each run's event-loop time, apart (as an editor sends its reads). */
async function cpuTimes(runs: number, work: () => Promise<void>): Promise<Times> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    times.push(await threadCpuTime(work));
    await setTimeout(5);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}
