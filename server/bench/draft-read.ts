/**
 * Reading a large draft back (issue 10, finding 7): the editor reads a draft every time it opens it.
 * A 1,000-node careless draft with thousands of problems, read through the API: its problems stored
 * with the revision; the first read by a fresh app over the same SQLite file (a restart), in a
 * language the save was not answered in; a draft stored before problems were kept (its first read
 * validates it once and writes the result back); and, in the same run, the way it was answered
 * before (validated on every read, every problem in the answer; with today's validator, which alone
 * took about 700 ms for this draft before) and a small draft as the baseline. Prints the event-loop time of a read: the main thread's time on a CPU, which
 * other processes on a shared machine do not inflate as they do wall time (target: < 50 ms).
 */
import { setTimeout } from 'node:timers/promises';
import { loadFixtureFlow } from '../../fixtures/index.ts';
import { generateFlowWithProblems } from '../../fixtures/generate-flow.ts';
import { validateFlow } from '../../schema/index.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createTestApp } from '../testing/test-app.ts';
import { machineLoad, threadCpuTime } from './loop-stalls.ts';

const READS = 20;

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'charla-bench-'));
  const dbPath = join(dir, 'charla.db');
  const careless = generateFlowWithProblems(1_000);
  const pizzeria = loadFixtureFlow('pizzeria');
  const legacy = { ...careless, id: 'stored-before-problems' };
  const before = await createTestApp({ CHARLA_DB: dbPath });
  for (const document of [careless, pizzeria, legacy]) {
    await before.app.inject({ method: 'POST', url: '/api/flows', headers: before.auth(), payload: document });
  }
  await before.close();
  const sqlite = new Database(dbPath);
  sqlite.prepare('UPDATE flows SET problems = NULL WHERE id = ?').run(legacy.id);
  sqlite.close();
  // A restart: a fresh app over the same file.
  const t = await createTestApp({ CHARLA_DB: dbPath });
  try {
    let bytes = 0;
    const read = (id: string, language = 'es') => async () => {
      const response = await t.app.inject({ method: 'GET', url: `/api/flows/${id}`, headers: { ...t.auth(), 'accept-language': language } });
      bytes = response.body.length;
    };
    // The app's first request compiles the route and warms the JIT whatever it reads: the small draft takes it.
    await read(pizzeria.id)();
    const firstAfterRestart = await cpuTimes(1, read(careless.id, 'pt'));
    const stored = await cpuTimes(READS, read(careless.id));
    const storedBytes = bytes;
    const legacyFirst = await cpuTimes(1, read(legacy.id));
    const legacyThen = await cpuTimes(READS, read(legacy.id));
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
    console.log(`  first read after a restart, in another language than the save's: ${cell(firstAfterRestart)}`);
    console.log(`  problems stored with the revision (${(storedBytes / 1024).toFixed(0)} KB answer): ${cell(stored)}`);
    console.log(`  a draft stored before problems were kept: first read (validated, written back) ${cell(legacyFirst)}; then ${cell(legacyThen)}`);
    console.log(`  without stored problems and the cap, validated on every read with every problem (${(everyProblemBytes / 1024).toFixed(0)} KB): ${cell(everyRead)}`);
    console.log(`  baseline, the pizzería (${pizzeria.nodes.length} nodes): ${cell(small)}`);
    console.log('  target: < 50 ms per read');
  } finally {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
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
