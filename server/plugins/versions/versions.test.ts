import { loadFixtureFlow } from '../../../fixtures/index.ts';
import { contentHash } from '../../flows/content-hash.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: pizzeria });
});
afterEach(() => t.close());

const pizzeria = loadFixtureFlow('pizzeria');

async function publish(note?: string) {
  return t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/versions', headers: t.auth(), payload: note === undefined ? {} : { note } });
}

async function saveDraft(document: unknown, revision: number) {
  const response = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria', headers: t.auth(), payload: { document, revision } });
  expect(response.statusCode).toBe(200);
}

describe('publishing', () => {
  it('only lets admins publish', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: 'Ana', role: 'analyst' } });
    const response = await t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/versions', headers: t.auth(created.json().token), payload: {} });
    expect(response.statusCode).toBe(403);
  });

  it('refuses to publish a draft with an error problem (422) and publishes one with only warnings', async () => {
    const dangling = { ...pizzeria, edges: [...pizzeria.edges, { id: 'suelta', source: 'fin', sourceHandle: 'next', target: 'nowhere' }] };
    await saveDraft(dangling, 1);
    const blocked = await publish();
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().code).toBe('publish_blocked');
    expect(blocked.json().problems.some((problem: { severity: string }) => problem.severity === 'error')).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria/versions', headers: t.auth() })).json()).toEqual([]);

    const unreachable = { ...pizzeria, nodes: [...pizzeria.nodes, { id: 'isla', type: 'end', position: { x: 0, y: 0 }, data: {} }] };
    await saveDraft(unreachable, 2);
    const warned = await publish();
    expect(warned.statusCode).toBe(201);
  });

  it('numbers versions, records hash, author and note, and makes the newest live', async () => {
    const first = await publish('primera');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ version: 1, contentHash: contentHash(pizzeria) });
    await saveDraft({ ...pizzeria, name: 'Don Pepe 2' }, 1);
    // No body at all is accepted too.
    const second = await t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/versions', headers: t.auth() });
    expect(second.json().version).toBe(2);

    const list = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria/versions', headers: t.auth() });
    expect(list.json()).toMatchObject([
      { version: 2, note: null, live: true, author: 'admin (CHARLA_ADMIN_TOKEN)' },
      { version: 1, note: 'primera', live: false, contentHash: contentHash(pizzeria) },
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria', headers: t.auth() })).json().liveVersion).toBe(2);
    expect(await t.app.charla.flows.getLiveFlow('pizzeria')).toMatchObject({ version: 2, document: { name: 'Don Pepe 2' } });
  });

  it('refuses to publish a draft identical to the live version (409 draft_unchanged), leaving the versions as they were', async () => {
    expect((await publish('primera')).statusCode).toBe(201);
    // Same content with keys in another order hashes the same.
    const reordered = Object.fromEntries(Object.entries(pizzeria).reverse());
    await saveDraft(reordered, 1);
    const again = await publish('otra vez');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'draft_unchanged', liveVersion: 1, message: expect.stringContaining('version 1') });
    const list = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria/versions', headers: t.auth() });
    expect(list.json()).toMatchObject([{ version: 1, note: 'primera', live: true }]);
  });

  it('republishes a draft equal to an older, non-live version (rolling forward)', async () => {
    await publish();
    await saveDraft({ ...pizzeria, name: 'v2' }, 1);
    await publish();
    // Back to the content of version 1 while version 2 is live.
    await saveDraft(pizzeria, 2);
    const third = await publish('vuelve la 1');
    expect(third.statusCode).toBe(201);
    expect(third.json()).toEqual({ version: 3, contentHash: contentHash(pizzeria) });
    // After rolling back to 1, the same draft is the live content again: refused.
    await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria/live', headers: t.auth(), payload: { version: 1 } });
    expect((await publish()).json().code).toBe('draft_unchanged');
  });

  it('keeps a version immutable while the draft moves on', async () => {
    await publish();
    await saveDraft({ ...pizzeria, name: 'Cambiado después' }, 1);
    const version = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria/versions/1', headers: t.auth() });
    expect(version.statusCode).toBe(200);
    expect(version.json()).toEqual(pizzeria);
    expect(version.headers.etag).toBe(`"${contentHash(pizzeria)}"`);
    // The database itself refuses to change a published version.
    expect(() => t.app.charla.sqlite!.prepare("UPDATE flow_versions SET note = 'x'").run()).toThrow(/immutable/);
    expect(() => t.app.charla.sqlite!.prepare('DELETE FROM flow_versions').run()).toThrow(/immutable/);
    const missing = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria/versions/7', headers: t.auth() });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('version_not_found');
  });

  it('rolls the live pointer back and forward to existing versions only', async () => {
    await publish();
    await saveDraft({ ...pizzeria, name: 'v2' }, 1);
    await publish();
    const back = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria/live', headers: t.auth(), payload: { version: 1 } });
    expect(back.json()).toEqual({ id: 'pizzeria', liveVersion: 1 });
    expect(await t.app.charla.flows.getLiveFlow('pizzeria')).toMatchObject({ version: 1, document: { name: pizzeria.name } });
    const forward = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria/live', headers: t.auth(), payload: { version: 2 } });
    expect(forward.statusCode).toBe(200);
    expect((await t.app.charla.flows.getLiveFlow('pizzeria'))?.version).toBe(2);
    const unknown = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria/live', headers: t.auth(), payload: { version: 3 } });
    expect(unknown.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria/live', headers: t.auth(), payload: { version: 'latest' } });
    expect(bad.statusCode).toBe(400);
  });

  it('diffs versions and the draft: nodes and edges added, removed and changed, with fields', async () => {
    await publish();
    const [first, ...rest] = pizzeria.nodes;
    const edited = {
      ...pizzeria,
      name: 'Otra',
      nodes: [
        { ...first!, position: { x: 5, y: 5 }, data: { ...first!.data, text: 'Hola' } },
        ...rest.filter((node) => node.id !== 'promos'),
        { id: 'nuevo', type: 'end', position: { x: 0, y: 0 }, data: {} },
      ],
      edges: pizzeria.edges.filter((edge) => edge.source !== 'promos' && edge.target !== 'promos'),
    };
    await saveDraft(edited, 1);
    const diff = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria/diff?from=1&to=draft', headers: t.auth() });
    expect(diff.statusCode).toBe(200);
    const body = diff.json();
    expect(body.fields).toEqual(['name']);
    expect(body.nodes).toEqual({
      added: ['nuevo'], removed: ['promos'], changed: [first!.id], fields: { [first!.id]: ['data.text', 'position'] },
    });
    const removedEdges = pizzeria.edges.filter((edge) => edge.source === 'promos' || edge.target === 'promos');
    expect(body.edges).toEqual({ added: [], removed: removedEdges.map((edge) => edge.id), changed: [], fields: {} });

    const same = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria/diff?from=1&to=1', headers: t.auth() });
    expect(same.json()).toMatchObject({ fields: [], nodes: { added: [], removed: [], changed: [] } });
    const bad = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria/diff?from=latest&to=draft', headers: t.auth() });
    expect(bad.statusCode).toBe(400);
    const missing = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria/diff?from=4&to=draft', headers: t.auth() });
    expect(missing.statusCode).toBe(404);
  });
});
