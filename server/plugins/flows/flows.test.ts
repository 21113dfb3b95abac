import { ADMIN_TOKEN_PRINCIPAL } from '../../../schema/api/roles.ts';
import { loadFixtureFlow } from '../../../fixtures/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(() => t.close());

const pizzeria = loadFixtureFlow('pizzeria');

async function createToken(role: string): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: role, role } });
  return response.json().token;
}

describe('drafts', () => {
  it('refuses requests without a token (401) and with the wrong role (403)', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/flows' });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('missing_token');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="charla"');
    const wrong = await t.app.inject({ method: 'GET', url: '/api/flows', headers: t.auth('nope') });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_token');
    const tester = await createToken('tester');
    const forbidden = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(tester), payload: pizzeria });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'forbidden', role: 'tester' });
    expect((await t.app.inject({ method: 'GET', url: '/api/flows', headers: t.auth(tester) })).statusCode).toBe(200);
  });

  it('creates a draft, lists it and reads it back; a second create with the id is 409', async () => {
    const analyst = await createToken('analyst');
    const created = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(analyst), payload: pizzeria });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'pizzeria', revision: 1 });
    const again = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(analyst), payload: pizzeria });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('flow_exists');

    const list = await t.app.inject({ method: 'GET', url: '/api/flows', headers: t.auth(analyst) });
    expect(list.json()).toEqual([{ id: 'pizzeria', name: pizzeria.name, revision: 1, liveVersion: null, updatedAt: expect.any(Number), updatedBy: 'analyst' }]);
    const one = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria', headers: t.auth(analyst) });
    expect(one.json()).toMatchObject({ id: 'pizzeria', revision: 1, liveVersion: null, document: pizzeria });
    expect(Array.isArray(one.json().problems)).toBe(true);
  });

  it('answers 422 with problems for a document that breaks the JSON Schema, storing nothing', async () => {
    const broken = { ...pizzeria, id: 'roto', nodes: [{ id: 'x', type: 'teleport', position: { x: 0, y: 0 }, data: {} }] };
    const response = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: broken });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('flow_invalid');
    expect(response.json().problems.length).toBeGreaterThan(0);
    expect(response.json().problems[0]).toMatchObject({ severity: 'error' });
    expect((await t.app.inject({ method: 'GET', url: '/api/flows/roto', headers: t.auth() })).statusCode).toBe(404);
  });

  it('saves a draft with only graph problems and returns them, in the language asked for', async () => {
    const dangling = { ...pizzeria, edges: [...pizzeria.edges, { id: 'suelta', source: 'fin', sourceHandle: 'next', target: 'nowhere' }] };
    const created = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: dangling });
    expect(created.statusCode).toBe(201);
    expect(created.json().problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ severity: 'error', edgeId: 'suelta', pointer: expect.stringMatching(/^\/edges\//) }),
    ]));
    const english = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria', headers: { ...t.auth(), 'accept-language': 'en-US,en;q=0.8' } });
    const spanish = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria', headers: t.auth() });
    expect(english.json().problems.length).toBe(created.json().problems.length);
    expect(english.json().problems[0].message).not.toBe(spanish.json().problems[0].message);
  });

  it('saves with the current revision and refuses a stale one with 409, keeping the newer draft', async () => {
    await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: pizzeria });
    const first = { ...pizzeria, name: 'Primera edición' };
    const saved = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria', headers: t.auth(), payload: { document: first, revision: 1 } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ revision: 2 });

    const stale = { ...pizzeria, name: 'Edición perdida' };
    const laura = ((await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: 'Laura', role: 'analyst' } })).json() as { token: string }).token;
    const conflict = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria', headers: t.auth(laura), payload: { document: stale, revision: 1 } });
    expect(conflict.statusCode).toBe(409);
    // Laura is told who saved the draft she would overwrite, and when.
    const [listed] = (await t.app.inject({ url: '/api/flows', headers: t.auth() })).json() as Array<{ updatedAt: number; updatedBy: string }>;
    expect(listed).toMatchObject({ updatedBy: ADMIN_TOKEN_PRINCIPAL, updatedAt: expect.any(Number) });
    expect(conflict.json()).toMatchObject({ code: 'revision_conflict', currentRevision: 2, updatedBy: ADMIN_TOKEN_PRINCIPAL, updatedAt: listed!.updatedAt });
    const current = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria', headers: t.auth() });
    expect(current.json()).toMatchObject({ name: 'Primera edición', revision: 2 });
  });

  it('refuses a document whose id differs from the URL, and a save to an unknown flow', async () => {
    await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: pizzeria });
    const renamed = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria', headers: t.auth(), payload: { document: { ...pizzeria, id: 'otra' }, revision: 1 } });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().code).toBe('id_mismatch');
    const unknown = await t.app.inject({ method: 'PUT', url: '/api/flows/otra', headers: t.auth(), payload: { document: { ...pizzeria, id: 'otra' }, revision: 1 } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('flow_not_found');
  });

  it('answers 400 for malformed JSON or unknown fields and 413 for oversized bodies, storing nothing', async () => {
    const malformed = await t.app.inject({
      method: 'POST', url: '/api/flows', headers: { ...t.auth(), 'content-type': 'application/json' }, payload: '{"id": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');

    await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: pizzeria });
    const extra = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria', headers: t.auth(), payload: { document: pizzeria, revision: 1, force: true } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('bad_request');

    const huge = { ...pizzeria, id: 'enorme', description: 'x'.repeat(6 * 1024 * 1024) };
    const tooLarge = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: huge });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('payload_too_large');
    const list = await t.app.inject({ method: 'GET', url: '/api/flows', headers: t.auth() });
    expect(list.json().map((flow: { id: string }) => flow.id)).toEqual(['pizzeria']);
  });
});

describe('deleting drafts', () => {
  it('deletes a flow never published and refuses one that was', async () => {
    await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: pizzeria });
    await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: { ...pizzeria, id: 'borrador' } });
    await t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/versions', headers: t.auth(), payload: {} });
    const published = await t.app.inject({ method: 'DELETE', url: '/api/flows/pizzeria', headers: t.auth() });
    expect(published.statusCode).toBe(409);
    expect(published.json()).toEqual({ code: 'flow_published', message: '"pizzeria" is published: published flows keep their version history and cannot be deleted' });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/flows/borrador', headers: t.auth() })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/flows/borrador', headers: t.auth() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/flows/borrador', headers: t.auth() })).statusCode).toBe(404);
  });
});
