import { PassThrough } from 'node:stream';
import { loadFixtureFlow } from '../../../fixtures/index.ts';
import { createLiveTestApp, PHONE_NUMBER_ID } from '../../testing/live-test-app.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { textWebhook } from '../../testing/webhook-body.ts';

const secrets = { accessToken: 'EAAG-secret-access', appSecret: 'app-secret-value', verifyToken: 'verify-secret-value' };

let t: TestApp;
let logs: string;
beforeEach(async () => {
  logs = '';
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => { logs += chunk.toString(); });
  t = await createTestApp({ WHATSAPP_ACCESS_TOKEN: 'default-access' }, { logger: { level: 'trace', stream } });
  await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: loadFixtureFlow('ferreteria') });
});
afterEach(() => t.close());

const bind = (body: object, headers = t.auth()) =>
  t.app.inject({ method: 'PUT', url: '/api/channels/whatsapp/106540352242922', headers, payload: body });

describe('WhatsApp channels', () => {
  it('binds a number only to a published flow', async () => {
    const early = await bind({ flowId: 'ferreteria' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('flow_not_published');
    const unknown = await bind({ flowId: 'nada' });
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps secrets write-only: never in responses, never in logs', async () => {
    await t.app.inject({ method: 'POST', url: '/api/flows/ferreteria/versions', headers: t.auth(), payload: {} });
    const bound = await bind({ flowId: 'ferreteria', ...secrets });
    expect(bound.statusCode).toBe(200);
    expect(bound.json()).toMatchObject({ phoneNumberId: '106540352242922', flowId: 'ferreteria', hasAccessToken: true, hasAppSecret: true, hasVerifyToken: true });
    const list = await t.app.inject({ method: 'GET', url: '/api/channels', headers: t.auth() });
    for (const body of [bound.body, list.body, logs]) {
      for (const secret of [...Object.values(secrets), 'test-admin-token']) expect(body).not.toContain(secret);
    }
    expect(logs).toContain('channel bound');
    // Logging the body by hand is redacted too.
    t.app.log.info({ body: secrets, headers: { authorization: 'Bearer test-admin-token' } }, 'by hand');
    expect(logs).toContain('by hand');
    for (const secret of [...Object.values(secrets), 'test-admin-token']) expect(logs).not.toContain(secret);

    expect(await t.app.charla.channels.resolve('106540352242922')).toEqual({ phoneNumberId: '106540352242922', flowId: 'ferreteria', ...secrets, wabaId: null });
  });

  it('keeps stored secrets when a rebind leaves them out, and falls back to the defaults', async () => {
    await t.app.inject({ method: 'POST', url: '/api/flows/ferreteria/versions', headers: t.auth(), payload: {} });
    await bind({ flowId: 'ferreteria', appSecret: 'own-secret' });
    const rebound = await bind({ flowId: 'ferreteria' });
    expect(rebound.json()).toMatchObject({ hasAppSecret: true, hasAccessToken: false });
    expect(await t.app.charla.channels.resolve('106540352242922')).toMatchObject({ appSecret: 'own-secret', accessToken: 'default-access' });
    expect(await t.app.charla.channels.resolve('999')).toBeUndefined();
  });

  it('refuses a binding that could never reply (no token for the number, none by default), and stores nothing', async () => {
    const bare = await createTestApp();
    try {
      await bare.app.inject({ method: 'POST', url: '/api/flows', headers: bare.auth(), payload: loadFixtureFlow('ferreteria') });
      await bare.app.inject({ method: 'POST', url: '/api/flows/ferreteria/versions', headers: bare.auth(), payload: {} });
      const put = (body: object) => bare.app.inject({ method: 'PUT', url: '/api/channels/whatsapp/106540352242922', headers: bare.auth(), payload: body });
      const refused = await put({ flowId: 'ferreteria' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'channel_access_token_missing' });
      expect(await bare.app.charla.channels.list()).toEqual([]);
      expect((await put({ flowId: 'ferreteria', accessToken: 'EAAG-own' })).statusCode).toBe(200);
      // A rebind that leaves the stored token out keeps it, so it is accepted.
      expect((await put({ flowId: 'ferreteria' })).statusCode).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('stores the WABA id, and shows a paused channel until a new token or a resume clears it', async () => {
    await t.app.inject({ method: 'POST', url: '/api/flows/ferreteria/versions', headers: t.auth(), payload: {} });
    expect((await bind({ flowId: 'ferreteria', wabaId: '102290129340398' })).json()).toMatchObject({ wabaId: '102290129340398', state: 'active', pause: null });
    expect((await bind({ flowId: 'ferreteria', wabaId: 'waba' })).statusCode).toBe(400);
    const { channels, now } = t.app.charla;
    channels.pause('106540352242922', 368, '(#368) Temporarily blocked for policies violations', now());
    const [paused] = (await t.app.inject({ method: 'GET', url: '/api/channels', headers: t.auth() })).json();
    expect(paused).toMatchObject({ state: 'paused', pause: { code: 368, reason: '(#368) Temporarily blocked for policies violations' } });
    // A rebind without a new token does not clear it; the resume route does.
    expect((await bind({ flowId: 'ferreteria' })).json()).toMatchObject({ state: 'paused' });
    const resumed = await t.app.inject({ method: 'POST', url: '/api/channels/whatsapp/106540352242922/resume', headers: t.auth() });
    expect(resumed.json()).toMatchObject({ state: 'active', pause: null, wabaId: '102290129340398' });
    expect((await t.app.inject({ method: 'POST', url: '/api/channels/whatsapp/999/resume', headers: t.auth() })).json()).toMatchObject({ code: 'channel_not_found' });
  });

  it('is admin only and validates the number', async () => {
    const { token } = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: 'a', role: 'analyst' } })).json();
    expect((await bind({ flowId: 'ferreteria' }, t.auth(token))).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/channels/whatsapp/abc', headers: t.auth(), payload: { flowId: 'ferreteria' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('channel health', () => {
  it('shows every role the last webhook, the last send error and a refused token, from the live tables', async () => {
    const live = await createLiveTestApp();
    try {
      const list = async (headers = live.auth()) => (await live.app.inject({ method: 'GET', url: '/api/channels', headers })).json();
      expect(await list()).toMatchObject([{ phoneNumberId: PHONE_NUMBER_ID, lastWebhookAt: null, lastSendError: null, tokenProblem: null }]);

      // Meta refuses the access token (OAuthException 190): the reply fails for good.
      live.graph.answerAlways({ status: 401, body: { error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190 } } });
      expect((await live.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: '5491155550123', text: 'hola', wamid: 'wamid.HEALTH1' }))).statusCode).toBe(200);
      await live.settle();

      const { token } = (await live.app.inject({ method: 'POST', url: '/api/tokens', headers: live.auth(), payload: { name: 'Tere', role: 'tester' } })).json();
      const [channel] = await list(live.auth(token));
      expect(channel.lastWebhookAt).toEqual(expect.any(Number));
      expect(channel).toMatchObject({ tokenProblem: 'refused', lastSendError: { code: 190, message: expect.stringContaining('access token') } });
      expect(JSON.stringify(channel)).not.toContain('test-access-token');
      // Reading is for everyone; changing stays admin only.
      expect((await live.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: live.auth(token), payload: { flowId: 'pizzeria' } })).statusCode).toBe(403);
    } finally {
      await live.close();
    }
  });
});
