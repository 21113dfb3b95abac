import { createTestApp, type TestApp } from './testing/test-app.ts';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(() => t.close());

describe('buildApp', () => {
  it('answers /healthz after migrating a fresh database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    const tables = t.app.charla.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables.map((row) => (row as { name: string }).name)).toEqual(
      expect.arrayContaining(['flows', 'flow_versions', 'api_tokens', 'channels', 'simulations']),
    );
    expect(t.app.charla.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('answers unknown API routes with a coded 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'route_not_found', message: 'No route GET /api/nothing' });
  });
});
