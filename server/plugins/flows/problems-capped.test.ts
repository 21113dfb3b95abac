import { generateFlow, generateFlowWithProblems } from '../../../fixtures/generate-flow.ts';
import { PROBLEMS_SHOWN_PER_CODE, validateFlow, type Problem, type ProblemCount } from '../../../schema/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * Issue 10, finding 7: a huge careless draft answered every problem (22 MB for 50k nodes). Now each
 * answer that carries a draft's problems lists the first of each code and counts them all.
 */
let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(() => t.close());

const careless = generateFlowWithProblems(1_000);
const allProblems = validateFlow(careless).problems;

/** Every code's total, as the validator finds them (3,249 problems in 4 codes for this draft). */
function totals(problems: readonly Problem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const problem of problems) counts[problem.code] = (counts[problem.code] ?? 0) + 1;
  return counts;
}

function expectCapped(body: { problems: Problem[]; problemCounts: ProblemCount[] }) {
  const expected = totals(allProblems);
  expect(Object.fromEntries(body.problemCounts.map((count) => [count.code, count.total]))).toEqual(expected);
  for (const count of body.problemCounts) {
    const listed = body.problems.filter((problem) => problem.code === count.code);
    expect(count.shown).toBe(Math.min(count.total, PROBLEMS_SHOWN_PER_CODE));
    expect(listed).toHaveLength(count.shown);
    // The first ones found, in the validator's order.
    expect(listed).toEqual(allProblems.filter((problem) => problem.code === count.code).slice(0, count.shown));
  }
  // Errors first, then the most frequent.
  expect(body.problemCounts.map((count) => count.code)).toEqual(['message_empty', 'dead_end', 'unreachable_node', 'unhandled_output']);
}

describe('a large draft\'s problems, grouped by code and capped', () => {
  it('creating, reading and saving a 1,000-node draft with 3,249 problems answer the first of each code and every count', async () => {
    expect(allProblems.length).toBeGreaterThan(3_000);
    const created = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: careless });
    expect(created.statusCode).toBe(201);
    expectCapped(created.json());

    const read = await t.app.inject({ method: 'GET', url: `/api/flows/${careless.id}`, headers: t.auth() });
    expect(read.statusCode).toBe(200);
    expectCapped(read.json());
    expect(read.json()).toMatchObject({ revision: 1, document: careless });
    expect(read.body.length).toBeLessThan(JSON.stringify(careless).length + 40_000);

    const saved = await t.app.inject({ method: 'PUT', url: `/api/flows/${careless.id}`, headers: t.auth(), payload: { document: careless, revision: 1 } });
    expect(saved.statusCode).toBe(200);
    expectCapped(saved.json());
  });

  it('reads the problems in the caller\'s language, each language computed for the revision', async () => {
    await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: careless });
    const read = async (language: string) => (await t.app.inject({
      method: 'GET', url: `/api/flows/${careless.id}`, headers: { ...t.auth(), 'accept-language': language },
    })).json() as { problems: Problem[]; problemCounts: ProblemCount[] };
    const [es, pt, en] = [await read('es-AR'), await read('pt-BR'), await read('en')];
    expect(pt.problemCounts).toEqual(es.problemCounts);
    expect(pt.problems[0]!.message).toBe(validateFlow(careless, { locale: 'pt' }).problems[0]!.message);
    expect(en.problems[0]!.message).toBe(validateFlow(careless, { locale: 'en' }).problems[0]!.message);
    expect(new Set([es.problems[0]!.message, pt.problems[0]!.message, en.problems[0]!.message]).size).toBe(3);
  });

  it('a blocked publish and a document that breaks the schema answer capped problems with their counts', async () => {
    await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: careless });
    const blocked = await t.app.inject({ method: 'POST', url: `/api/flows/${careless.id}/versions`, headers: t.auth(), payload: {} });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json()).toMatchObject({ code: 'publish_blocked', message: expect.stringContaining('312 error(s)') });
    expectCapped(blocked.json());

    // Every node without its data: one schema problem per node.
    const broken = { ...generateFlow(1_000), id: 'rota', nodes: generateFlow(1_000).nodes.map(({ data: _data, ...node }) => node) };
    const refused = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: broken });
    expect(refused.statusCode).toBe(422);
    const body = refused.json() as { code: string; problems: Problem[]; problemCounts: ProblemCount[] };
    expect(body.code).toBe('flow_invalid');
    const biggest = body.problemCounts[0]!;
    expect(biggest.total).toBeGreaterThanOrEqual(1_000);
    expect(biggest.shown).toBe(PROBLEMS_SHOWN_PER_CODE);
    expect(body.problems.length).toBe(body.problemCounts.reduce((sum, count) => sum + count.shown, 0));
  });
});
