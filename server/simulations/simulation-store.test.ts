import type { FlowDocument } from '../../schema/index.ts';
import { pizzeria } from '../testing/live-test-app.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const SIMULATIONS = 20;

let clock = Date.UTC(2026, 0, 1);
let t: TestApp;

beforeEach(async () => {
  clock = Date.UTC(2026, 0, 1);
  t = await createTestApp({}, { now: () => clock });
});
afterEach(() => t.close());

/** The pizzería with a chain of 300 long messages after its welcome: a document of about 1 MB. */
function largeFlow(): FlowDocument {
  const flow = pizzeria();
  const padding = Array.from({ length: 300 }, (_, index) => ({
    id: `relleno_${index}`, type: 'message', position: { x: 0, y: 1000 + index * 100 },
    data: { text: `Parte ${index}: ${'la masa madre lleva 48 horas de fermentación. '.repeat(70)}` },
  }));
  const first = flow.edges.find((edge) => edge.source === 'bienvenida')!;
  const chain = padding.map((node, index) => ({
    id: `e-relleno-${index}`, source: node.id, sourceHandle: 'next', target: padding[index + 1]?.id ?? first.target,
  }));
  return {
    ...flow,
    nodes: [...flow.nodes, ...padding] as FlowDocument['nodes'],
    edges: [...flow.edges.filter((edge) => edge !== first), { ...first, target: padding[0]!.id }, ...chain],
  };
}

function databaseBytes(): number {
  const sqlite = t.app.charla.sqlite!;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const free = sqlite.pragma('freelist_count', { simple: true }) as number;
  return (pages - free) * (sqlite.pragma('page_size', { simple: true }) as number);
}

async function startSimulations(source: 'draft' | number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < SIMULATIONS; index += 1) {
    const response = await t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/simulations', headers: t.auth(), payload: { source } });
    expect(response.statusCode, response.body).toBe(201);
    ids.push((response.json() as { simulationId: string }).simulationId);
  }
  return ids;
}

async function say(simulationId: string, text: string) {
  const response = await t.app.inject({
    method: 'POST', url: `/api/simulations/${simulationId}/messages`, headers: t.auth(), payload: { type: 'text', text: { body: text } },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { messages: Array<{ text?: { body: string } }> };
}

describe('simulations refer to what they run', () => {
  it('20 simulations of a large version add less than one copy of it to the database', async () => {
    const document = largeFlow();
    const size = JSON.stringify(document).length;
    expect(size).toBeGreaterThan(900_000);
    expect((await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: document })).statusCode).toBe(201);
    const published = await t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/versions', headers: t.auth(), payload: {} });
    expect(published.statusCode, published.body).toBe(201);

    const before = databaseBytes();
    const [first] = await startSimulations(1);
    const growth = databaseBytes() - before;
    expect(growth).toBeLessThan(size / 10);
    // And it runs the version.
    expect((await say(first!, 'hola')).messages[2]?.text?.body).toMatch(/^Parte 0:/);
  });

  it('simulations of one draft revision share one snapshot, and keep running it after the draft changes', async () => {
    const document = largeFlow();
    await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: document });
    const before = databaseBytes();
    const ids = await startSimulations('draft');
    const growth = databaseBytes() - before;
    expect(growth).toBeLessThan(2 * JSON.stringify(document).length);
    expect(t.app.charla.sqlite!.prepare('SELECT count(*) AS n FROM draft_snapshots').get()).toEqual({ n: 1 });

    const changed = { ...document, nodes: document.nodes.map((node) => node.id === 'relleno_0' ? { ...node, data: { text: 'Otra cosa' } } : node) };
    const put = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria', headers: t.auth(), payload: { document: changed, revision: 1 } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await say(ids[0]!, 'hola')).messages[2]?.text?.body).toMatch(/^Parte 0:/);
    const [fresh] = await startSimulations('draft').then((all) => all.slice(-1));
    expect((await say(fresh!, 'hola')).messages[2]?.text?.body).toBe('Otra cosa');
  });

  it('simulations untouched for CHARLA_SIMULATION_RETENTION_DAYS are purged with their snapshot', async () => {
    await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: pizzeria() });
    const [old] = await startSimulations('draft');
    clock += 8 * DAY_MS;
    const put = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria', headers: t.auth(), payload: { document: { ...pizzeria(), name: 'Otra' }, revision: 1 } });
    expect(put.statusCode, put.body).toBe(200);
    const recent = await t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/simulations', headers: t.auth(), payload: { source: 'draft' } });
    const report = await t.app.live.retention.purge();
    expect(report.deleted).toMatchObject({ simulations: SIMULATIONS, draft_snapshots: 1 });
    const gone = await t.app.inject({ method: 'POST', url: `/api/simulations/${old}/messages`, headers: t.auth(), payload: { type: 'text', text: { body: 'hola' } } });
    expect(gone.statusCode).toBe(404);
    await say((recent.json() as { simulationId: string }).simulationId, 'hola');
  });
});
