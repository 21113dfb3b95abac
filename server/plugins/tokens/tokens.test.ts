import { readFileSync } from 'node:fs';
import { hashTokenSecret } from '../../auth/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(() => t.close());

describe('API tokens', () => {
  it('shows a new token once, stores only its hash, and the token carries its role', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: 'Tere', role: 'tester' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^chr_[A-Za-z0-9_-]{43}$/);

    const row = t.app.charla.sqlite!.prepare('SELECT * FROM api_tokens WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row.token_hash).toBe(hashTokenSecret(token));
    expect(Object.values(row)).not.toContain(token);
    t.app.charla.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(t.dbPath).includes(token)).toBe(false);

    const list = await t.app.inject({ method: 'GET', url: '/api/tokens', headers: t.auth() });
    expect(list.json()).toMatchObject([{ id, name: 'Tere', role: 'tester', revokedAt: null }]);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain(hashTokenSecret(token));

    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: t.auth(token) });
    expect(me.json()).toEqual({ name: 'Tere', role: 'tester' });
    // A tester reads but may not create tokens or edit drafts.
    expect((await t.app.inject({ method: 'GET', url: '/api/flows', headers: t.auth(token) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(token), payload: { name: 'x', role: 'admin' } })).statusCode).toBe(403);
  });

  it('revokes a token: it stops working at once', async () => {
    const { id, token } = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: 'A', role: 'admin' } })).json();
    expect((await t.app.inject({ method: 'GET', url: '/api/tokens', headers: t.auth(token) })).statusCode).toBe(200);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: t.auth() });
    expect(revoked.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/tokens', headers: t.auth(token) });
    expect(after.statusCode).toBe(401);
    const again = await t.app.inject({ method: 'DELETE', url: '/api/tokens/00000000-0000-4000-8000-000000000000', headers: t.auth() });
    expect(again.statusCode).toBe(404);
  });

  it('revoking a revoked token is a no-op that keeps the first revokedAt', async () => {
    let clock = Date.UTC(2026, 11, 7, 12, 0);
    const timed = await createTestApp({}, { now: () => clock });
    try {
      const { id } = (await timed.app.inject({ method: 'POST', url: '/api/tokens', headers: timed.auth(), payload: { name: 'B', role: 'tester' } })).json();
      const revoke = () => timed.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: timed.auth() });
      const revokedAt = clock;
      expect((await revoke()).statusCode).toBe(204);
      clock += 3_600_000;
      expect((await revoke()).statusCode).toBe(204);
      expect((await timed.app.inject({ method: 'GET', url: '/api/tokens', headers: timed.auth() })).json()).toMatchObject([{ id, revokedAt }]);
    } finally {
      await timed.close();
    }
  });

  it('refuses unknown roles and a malformed Authorization header', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: 'x', role: 'owner' } });
    expect(bad.statusCode).toBe(400);
    const basic = await t.app.inject({ method: 'GET', url: '/api/tokens', headers: { authorization: 'Basic abc' } });
    expect(basic.statusCode).toBe(401);
    expect(basic.json().code).toBe('invalid_token');
  });
});
