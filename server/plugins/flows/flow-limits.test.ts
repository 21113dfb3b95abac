import { loadFixtureFlow } from '../../../fixtures/index.ts';
import { generateFlow } from '../../../fixtures/generate-flow.ts';
import { FLOW_LIMITS } from '../../../schema/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/** Attacks on the flow routes with documents no real bot has: each answered with its coded error, never a 500, nothing stored. */
let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(() => t.close());

const pizzeria = loadFixtureFlow('pizzeria');
const LEVELS = 10_000;

/** The pizzería as JSON text with one node's data field replaced by raw JSON (a 10,000-level value cannot even be stringified). */
function withRawField(id: string, type: string, field: string, raw: string): string {
  const document = structuredClone(pizzeria) as unknown as { id: string; nodes: Array<{ type: string; data: Record<string, unknown> }> };
  document.id = id;
  document.nodes.find((node) => node.type === type)!.data[field] = '__RAW__';
  return JSON.stringify(document).replace('"__RAW__"', raw);
}

const json = { 'content-type': 'application/json' };

describe('flow document limits', () => {
  it.each([
    ['objects', 'api_call', 'body', '{"a":'.repeat(LEVELS) + '"x"' + '}'.repeat(LEVELS)],
    ['arrays', 'form', 'screens', '['.repeat(LEVELS) + '"x"' + ']'.repeat(LEVELS)],
  ])('node data nested 10,000 levels deep (%s) is a 422 flow_too_deep on create and save, storing nothing', async (_kind, type, field, raw) => {
    const created = await t.app.inject({ method: 'POST', url: '/api/flows', headers: { ...t.auth(), ...json }, payload: withRawField('hondo', type, field, raw) });
    expect(created.statusCode).toBe(422);
    expect(created.json()).toMatchObject({ code: 'flow_too_deep', limit: FLOW_LIMITS.maxDepth });
    expect((await t.app.inject({ method: 'GET', url: '/api/flows/hondo', headers: t.auth() })).statusCode).toBe(404);

    expect((await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: pizzeria })).statusCode).toBe(201);
    const saved = await t.app.inject({
      method: 'PUT', url: '/api/flows/pizzeria', headers: { ...t.auth(), ...json },
      payload: `{"revision":1,"document":${withRawField('pizzeria', type, field, raw)}}`,
    });
    expect(saved.statusCode).toBe(422);
    expect(saved.json().code).toBe('flow_too_deep');
    const stored = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria', headers: t.auth() });
    expect(stored.json()).toMatchObject({ revision: 1, document: pizzeria });
  });

  it('an API-call node tried with 10,000-level data is a 422 flow_too_deep', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: pizzeria })).statusCode).toBe(201);
    const apiNode = pizzeria.nodes.find((node) => node.type === 'api_call')!;
    const tried = await t.app.inject({
      method: 'POST', url: `/api/flows/pizzeria/nodes/${apiNode.id}/try`, headers: { ...t.auth(), ...json },
      payload: `{"data":${'{"a":'.repeat(LEVELS)}1${'}'.repeat(LEVELS)}}`,
    });
    expect(tried.statusCode).toBe(422);
    expect(tried.json().code).toBe('flow_too_deep');
  });

  it('a draft with more nodes than the cap is a 422 flow_too_many_nodes; one at the cap is saved', async () => {
    const tooMany = { ...generateFlow(FLOW_LIMITS.maxNodes + 1), id: 'enorme' };
    const refused = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: tooMany });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'flow_too_many_nodes', limit: FLOW_LIMITS.maxNodes, nodes: FLOW_LIMITS.maxNodes + 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/flows/enorme', headers: t.auth() })).statusCode).toBe(404);

    const atTheCap = { ...generateFlow(FLOW_LIMITS.maxNodes), id: 'grande' };
    expect((await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: atTheCap })).statusCode).toBe(201);
  });

  it('a document over the byte limit (but under the body limit) is a 413 flow_too_large', async () => {
    const padded = structuredClone(pizzeria);
    padded.id = 'pesado';
    padded.name = 'x'.repeat(FLOW_LIMITS.maxBytes);
    const refused = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: padded });
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toMatchObject({ code: 'flow_too_large', limit: FLOW_LIMITS.maxBytes });
  });
});
