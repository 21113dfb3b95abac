import { createTestApp, type TestApp } from './testing/test-app.ts';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(() => t.close());

describe('buildApp', () => {
  it('answers /healthz after migrating a fresh database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    const tables = t.app.charla.sqlite!.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables.map((row) => (row as { name: string }).name)).toEqual(
      expect.arrayContaining(['flows', 'flow_versions', 'api_tokens', 'channels', 'simulations']),
    );
    expect(t.app.charla.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('answers unknown API routes with a coded 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'route_not_found', message: 'No route GET /api/nothing' });
  });

  it('sends the security headers on every answer: JSON, errors, text and the webhook verification', async () => {
    const verify = await createTestApp({ WHATSAPP_VERIFY_TOKEN: 'verify-me' });
    try {
      const answers = [
        await t.app.inject({ method: 'GET', url: '/healthz' }),
        await t.app.inject({ method: 'GET', url: '/api/flows' }),
        await t.app.inject({ method: 'GET', url: '/api/nothing' }),
        await verify.app.inject({ method: 'GET', url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=<b>1</b>' }),
      ];
      expect(answers.map((answer) => answer.statusCode)).toEqual([200, 401, 404, 200]);
      expect(answers[3]!.headers['content-type']).toContain('text/plain');
      for (const answer of answers) {
        expect(answer.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
        });
        expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
        expect(answer.headers['content-security-policy']).toContain("object-src 'none'");
      }
    } finally {
      await verify.close();
    }
  });
});
