/**
 * The analytics endpoint's query on generated data (issue 13): a flow version with a million stored
 * messages over 30 days, their counters as the live path keeps them, and in the same run the
 * baseline: a plain count per node over the same message rows. Prints the median of each (target:
 * the analytics answer < 300 ms). The webhook CPU with and without counters is the webhook bench
 * (`CHARLA_ANALYTICS=off` vs on).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection.ts';
import { sqliteDatabase } from '../db/database.ts';
import { createAnalyticsStore } from '../live/analytics/analytics-store.ts';
import { hourOf } from '../live/analytics/counters.ts';
import { buildReport } from '../live/analytics/report.ts';

const MESSAGES = Number(process.env.BENCH_ANALYTICS_MESSAGES ?? 1_000_000);
const NODES = ['hola', 'menu', 'nombre', 'puntaje', 'fin', 'humano'];
const DAYS = 30;
const RUNS = 15;

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'charla-analytics-bench-'));
  const connection = openDatabase(join(dir, 'charla.db'));
  try {
    const { sqlite } = connection;
    const start = Date.UTC(2026, 10, 1);
    const span = DAYS * 86_400_000;
    const insert = sqlite.prepare(`INSERT INTO outbox (conversation_id, phone_number_id, body, state, attempts, next_attempt_at, created_at, flow_id, flow_version, node_id, wamid)
      VALUES (?, '106540352242922', '{"type":"text"}', 'sent', 1, ?, ?, 'tienda', 1, ?, ?)`);
    const status = sqlite.prepare(`INSERT INTO message_statuses (wamid, status, timestamp, updated_at) VALUES (?, ?, ?, ?)`);
    const generated = Date.now();
    sqlite.transaction(() => {
      for (let index = 0; index < MESSAGES; index += 1) {
        const at = start + Math.floor((index / MESSAGES) * span);
        insert.run(Math.floor(index / 5), at, at, NODES[index % NODES.length], `wamid.${index}`);
        status.run(`wamid.${index}`, index % 10 === 0 ? 'failed' : index % 3 === 0 ? 'read' : 'delivered', Math.floor(at / 1000), at);
      }
    })();
    // The counters the live path would have kept for those messages, per hour and node.
    sqlite.prepare(`INSERT INTO flow_counters (flow_id, flow_version, hour, node_id, metric, key, count, total)
      SELECT o.flow_id, o.flow_version, (o.created_at / 3600000) * 3600000, o.node_id, m.metric, '', count(*), 0
      FROM outbox o JOIN message_statuses s ON s.wamid = o.wamid
      JOIN (SELECT 'queued' AS metric UNION ALL SELECT 'sent' UNION ALL SELECT 'delivered' UNION ALL SELECT 'read' UNION ALL SELECT 'failed' UNION ALL SELECT 'entered' UNION ALL SELECT 'exit') m
        ON m.metric IN ('queued', 'entered', 'exit') OR (m.metric = 'failed' AND s.status = 'failed')
        OR (m.metric IN ('sent', 'delivered') AND s.status <> 'failed') OR (m.metric = 'read' AND s.status = 'read')
      GROUP BY 1, 2, 3, 4, 5`).run();
    const counterRows = (sqlite.prepare('SELECT count(*) AS n FROM flow_counters').get() as { n: number }).n;
    console.log(`${MESSAGES.toLocaleString('en')} messages over ${DAYS} days on ${NODES.length} nodes, ${counterRows.toLocaleString('en')} counter rows (generated in ${((Date.now() - generated) / 1000).toFixed(1)} s); medians of ${RUNS} runs, machine shared with other engineers' work`);

    const analytics = createAnalyticsStore(sqliteDatabase(connection));
    const baseline = sqlite.prepare(`SELECT o.node_id AS nodeId, s.status, count(*) AS n FROM outbox o LEFT JOIN message_statuses s ON s.wamid = o.wamid
      WHERE o.flow_id = 'tienda' AND o.flow_version = 1 AND o.created_at >= ? AND o.created_at < ? GROUP BY o.node_id, s.status`);
    const range = { flowId: 'tienda', version: 1, fromHour: hourOf(start), toHour: hourOf(start + span) };
    const answer = await time(async () => buildReport({ version: 1, nodeIds: NODES, sums: await analytics.sums(range), from: null, to: null }));
    const counted = await time(async () => baseline.all(start, start + span));
    console.log(`analytics answer (counters, whole range): ${answer.toFixed(1)} ms (target < 300 ms)`);
    console.log(`baseline, a plain count per node and status over the same ${MESSAGES.toLocaleString('en')} messages: ${counted.toFixed(1)} ms (${(counted / answer).toFixed(0)}× slower)`);
  } finally {
    connection.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const began = performance.now();
    await work();
    samples.push(performance.now() - began);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}
