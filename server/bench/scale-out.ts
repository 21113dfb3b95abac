/**
 * The webhook path spread over many business numbers, on each store and instance count (issue 12):
 * signed text messages from 10,000 contacts over 100 business numbers, each number sending at up to
 * 1,000/s (Meta's upgraded limit) to a fake Graph API, so the figures include the sends. Measured
 * side by side: SQLite (one instance), PostgreSQL with one instance and with three (the load split
 * evenly over them, as a round-robin load balancer would). Per configuration: webhooks acknowledged
 * per second at saturation, messages answered end to end (turn stored and every reply sent) per
 * second, server CPU per message (all instances; PostgreSQL's own processes not included), p50/p99
 * at a fixed rate offered, event-loop lag p99 and max (the worst instance), acknowledged messages lost.
 * `BENCH_QUICK=1`: short runs for a quick check. Nothing here asserts a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startFakeGraph, type FakeGraph } from '../testing/fake-graph.ts';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { FIXTURE_WABA_ID, publishFixture, waitForDrain } from '../testing/publish-fixture.ts';
import { spawnServer, type SpawnedServer } from '../testing/spawn-server.ts';
import { signedHeaders, textWebhook } from '../testing/webhook-body.ts';
import { openLoop, quantile, type LoadRequest } from './open-loop.ts';
import { cpuMillis, lagBuckets, lagFigures, saturate } from './webhook.ts';

const QUICK = process.env.BENCH_QUICK === '1';
const CONTACTS = 10_000;
const NUMBERS = 100;
const SECRET = 'bench-app-secret';
const ADMIN = 'bench-admin-token';
const SATURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 3 : 10));
const FIXED_RATE = Number(process.env.BENCH_FIXED_RATE ?? (QUICK ? 500 : 2_000));
const FIXED_SECONDS = SATURATION_SECONDS;
const OUTBOX_RATE = 1_000;
const CONNECTIONS = 48;

interface Configuration {
  name: string;
  instances: number;
  postgres: boolean;
}

const CONFIGURATIONS: Configuration[] = [
  { name: 'SQLite, 1 instance', instances: 1, postgres: false },
  { name: 'PostgreSQL, 1 instance', instances: 1, postgres: true },
  { name: 'PostgreSQL, 3 instances', instances: 3, postgres: true },
];

interface Figures {
  acks: number;
  answered: number;
  cpuMicros: number;
  p50: number;
  p99: number;
  lagP99: number;
  lagMax: number;
  sends: number;
  acknowledged: number;
  lost: number;
}

export default async function bench(): Promise<void> {
  const postgres = await startTestPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'charla-scale-'));
  try {
    console.log(`${CONTACTS.toLocaleString('en')} contacts over ${NUMBERS} business numbers, signed text "menu" to the pizzería flow (3 replies each, `
      + `sent at up to ${OUTBOX_RATE.toLocaleString('en')}/s per number to a fake Graph API); saturation ${SATURATION_SECONDS} s, `
      + `then ${FIXED_RATE.toLocaleString('en')}/s offered for ${FIXED_SECONDS} s; no CPU pinning (instances, PostgreSQL and the load share the cores)`);
    console.log([''.padEnd(26), 'acks/s', 'answered/s', 'µs CPU', 'p50 ms', 'p99 ms', 'lag p99', 'lag max', 'sends', 'lost']
      .map((cell, index) => (index === 0 ? cell : cell.padStart(11))).join(''));
    for (const configuration of CONFIGURATIONS) {
      // A fresh fake Graph API each time: it remembers the forms published on its WABA.
      const graph = await startFakeGraph();
      const f = await measure(configuration, join(dir, configuration.name.replace(/\W+/g, '-')), graph, postgres).finally(() => graph.close());
      console.log([configuration.name.padEnd(26), fmt(f.acks), fmt(f.answered), fmt(f.cpuMicros), f.p50.toFixed(1), f.p99.toFixed(1),
        lagCell(f.lagP99), lagCell(f.lagMax), fmt(f.sends), `${f.lost}/${fmt(f.acknowledged)}`]
        .map((cell, index) => (index === 0 ? cell : cell.padStart(11))).join(''));
    }
    console.log('answered/s: messages whose turn is stored and every reply sent, over the saturation run and its drain; lag in ms (histogram bucket bounds, the worst instance)');
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(configuration: Configuration, dir: string, graph: FakeGraph, postgres: TestPostgres): Promise<Figures> {
  graph.requests.length = 0;
  const databaseUrl = configuration.postgres ? await postgres.freshDatabase() : undefined;
  const dbPath = join(dir, 'charla.db');
  const env = {
    CHARLA_DB: dbPath, ...(databaseUrl ? { CHARLA_DATABASE_URL: databaseUrl } : {}), CHARLA_SECRET_KEY: 'cd'.repeat(32),
    WHATSAPP_APP_SECRET: SECRET, CHARLA_ADMIN_TOKEN: ADMIN, WHATSAPP_GRAPH_URL: graph.url, WHATSAPP_ACCESS_TOKEN: 'bench-token',
    CHARLA_LOG_LEVEL: 'warn', CHARLA_OUTBOX_RATE: String(OUTBOX_RATE),
  };
  const servers: SpawnedServer[] = [await spawnServer('server/testing/serve-live.ts', env)];
  try {
    await bindNumbers(servers[0]!.url);
    for (let more = 1; more < configuration.instances; more += 1) servers.push(await spawnServer('server/testing/serve-live.ts', env));
    let sequence = 0;
    const next = (): LoadRequest => webhookRequest(sequence++);
    const drain = () => Promise.all(servers.map((server) => waitForDrain(server.url)));
    const connections = Math.ceil(CONNECTIONS / servers.length);
    const warmup = await Promise.all(servers.map((server) => saturate(server.url, next, 1, connections))); // JIT, caches
    await drain();

    const sendsBefore = graph.requests.length;
    const cpuBefore = servers.reduce((sum, server) => sum + cpuMillis(server.process.pid!), 0);
    const started = Date.now();
    const saturated = await Promise.all(servers.map((server) => saturate(server.url, next, SATURATION_SECONDS, connections)));
    await drain();
    const acknowledged = saturated.reduce((sum, run) => sum + run.acknowledged, 0);
    const answered = acknowledged / ((Date.now() - started) / 1000);
    const cpuMicros = ((servers.reduce((sum, server) => sum + cpuMillis(server.process.pid!), 0) - cpuBefore) * 1000) / acknowledged;
    const sends = graph.requests.length - sendsBefore;

    const lagBefore = await Promise.all(servers.map((server) => lagBuckets(server.url)));
    const fixed = await Promise.all(servers.map((server) => openLoop(server.url, FIXED_RATE / servers.length, FIXED_SECONDS * 1000, () => next(), { warmupMs: 2000 })));
    const lags = await Promise.all(servers.map(async (server, index) => lagFigures(lagBefore[index]!, await lagBuckets(server.url))));
    await drain();
    const latencies = fixed.flatMap((run) => run.latencies).sort((a, b) => a - b);
    const processed = await countProcessed(databaseUrl, dbPath);
    return {
      acks: saturated.reduce((sum, run) => sum + run.perSecond, 0), answered, cpuMicros,
      p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99),
      lagP99: Math.max(...lags.map((lag) => lag.p99)), lagMax: Math.max(...lags.map((lag) => lag.max)), sends,
      // Requests still open when autocannon stops are processed but not counted as acknowledged: never below 0.
      acknowledged: acknowledgedIn([...warmup, ...saturated], fixed), lost: Math.max(0, acknowledgedIn([...warmup, ...saturated], fixed) - processed),
    };
  } finally {
    for (const server of servers) server.process.kill('SIGTERM');
    await Promise.all(servers.map((server) => server.exited));
  }
}

/** Publishes the pizzería flow on the first number and binds the other 99 to it. */
async function bindNumbers(url: string): Promise<void> {
  await publishFixture(url, ADMIN, 'pizzeria', phoneNumberId(0));
  for (let number = 1; number < NUMBERS; number += 1) {
    const response = await fetch(`${url}/api/channels/whatsapp/${phoneNumberId(number)}`, {
      method: 'PUT', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ flowId: 'pizzeria', wabaId: FIXTURE_WABA_ID }),
    });
    if (!response.ok) throw new Error(`binding number ${number}: ${response.status} ${await response.text()}`);
  }
}

const phoneNumberId = (number: number) => String(106540352242000 + number);

function webhookRequest(sequence: number): LoadRequest {
  const wamid = `wamid.scale.${sequence}`;
  const contact = sequence % CONTACTS;
  const body = textWebhook({ phoneNumberId: phoneNumberId(contact % NUMBERS), from: String(5491100000000 + contact), wamid, text: 'menu', name: 'Cliente' });
  return { path: '/webhooks/whatsapp', headers: signedHeaders(body, SECRET), body, id: wamid };
}

function acknowledgedIn(saturated: Array<{ acknowledged: number }>, fixed: Array<{ acknowledged: string[] }>): number {
  return saturated.reduce((sum, run) => sum + run.acknowledged, 0) + fixed.reduce((sum, run) => sum + run.acknowledged.length, 0);
}

/** Messages processed over the whole measurement (every wamid is unique, so counting is exact). */
async function countProcessed(databaseUrl: string | undefined, dbPath: string): Promise<number> {
  const query = `SELECT count(*) AS n FROM inbound_messages WHERE state = 'processed'`;
  if (!databaseUrl) {
    const sqlite = new Database(dbPath, { readonly: true });
    try {
      return (sqlite.prepare(query).get() as { n: number }).n;
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(query)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** A lag as its histogram bucket's bound; past the last bound (1 s) only that much is known. */
const lagCell = (ms: number) => (Number.isFinite(ms) ? `≤ ${ms}` : '> 1000');

const fmt = (value: number) => Math.round(value).toLocaleString('en');
