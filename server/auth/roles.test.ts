import { loadFixtureFlow } from '../../fixtures/index.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { ROLES, type Role } from '../../schema/api/roles.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: loadFixtureFlow('pizzeria') });
});
afterAll(() => t.close());

/** Each request, and the roles that may make it (the rest get 403). */
const matrix: Array<{ method: 'GET' | 'POST' | 'PUT'; url: string; payload?: object; allowed: Role[] }> = [
  { method: 'GET', url: '/api/flows', allowed: ['analyst', 'tester', 'admin'] },
  { method: 'PUT', url: '/api/flows/pizzeria', payload: { document: loadFixtureFlow('pizzeria'), revision: 999 }, allowed: ['analyst', 'admin'] },
  { method: 'POST', url: '/api/flows/pizzeria/simulations', payload: { source: 'draft' }, allowed: ['analyst', 'tester', 'admin'] },
  { method: 'POST', url: '/api/flows/nope/versions', payload: {}, allowed: ['admin'] },
  { method: 'PUT', url: '/api/flows/nope/live', payload: { version: 1 }, allowed: ['admin'] },
  { method: 'PUT', url: '/api/channels/whatsapp/123', payload: { flowId: 'nope' }, allowed: ['admin'] },
  { method: 'POST', url: '/api/channels/whatsapp/123/resume', allowed: ['admin'] },
  { method: 'GET', url: '/api/tokens', allowed: ['admin'] },
];

describe('roles', () => {
  it.each(ROLES)('%s gets 403 exactly where its role is not allowed', async (role) => {
    const { token } = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: role, role } })).json();
    for (const { method, url, payload, allowed } of matrix) {
      const response = await t.app.inject({ method, url, headers: t.auth(token), ...(payload ? { payload } : {}) });
      const forbidden = response.statusCode === 403;
      expect(forbidden, `${role} ${method} ${url} -> ${response.statusCode}`).toBe(!allowed.includes(role));
      const anonymous = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(anonymous.statusCode).toBe(401);
    }
  });
});
