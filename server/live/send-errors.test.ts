import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { textWebhook } from '../testing/webhook-body.ts';

let t: LiveTestApp;
beforeEach(async () => {
  t = await createLiveTestApp();
});
afterEach(() => t.close());

let sequence = 0;
async function say(from: string, text: string) {
  expect((await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from, wamid: `wamid.E${++sequence}`, text }))).statusCode).toBe(200);
  await t.settle();
}

const texts = (to: string) => t.graph.requests
  .filter((request) => request.wamid !== undefined && request.body.to === `+${to}`)
  .map((request) => JSON.stringify(request.body));

describe('send errors on the live path', () => {
  it('80007 once, then success: the reply is delivered', async () => {
    t.graph.answerNext('account_rate_limit');
    await say('5491155550001', 'hola');
    const [first] = t.rows<{ state: string; attempts: number }>('SELECT state, attempts FROM outbox ORDER BY id LIMIT 1');
    expect(first).toEqual({ state: 'sent', attempts: 2 });
    expect(t.rows('SELECT 1 FROM outbox WHERE state != ?', 'sent')).toEqual([]);
  });

  it('190 pauses the channel with a visible alert and holds every reply; a new token delivers them all, in order', async () => {
    t.graph.expireToken('test-access-token');
    await say('5491155550001', 'hola');
    await say('5491155550002', 'hola');
    await say('5491155550001', 'menu');

    const channels = await t.app.inject({ url: '/api/channels', headers: t.auth() });
    expect(channels.json()).toEqual([expect.objectContaining({
      phoneNumberId: PHONE_NUMBER_ID, state: 'paused', pause: expect.objectContaining({ code: 190 }),
    })]);
    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('charla_channels_paused 1');
    expect(metrics).toContain('charla_channel_pauses_total 1');
    const held = t.rows<{ body: string }>('SELECT body FROM outbox ORDER BY id');
    expect(held.length).toBeGreaterThan(3);
    expect(t.rows('SELECT 1 FROM outbox WHERE state NOT IN (?, ?)', 'queued', 'in_flight')).toEqual([]);

    const fixed = await t.app.inject({
      method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(),
      payload: { flowId: 'pizzeria', accessToken: 'new-access-token' },
    });
    expect(fixed.json()).toMatchObject({ state: 'active', pause: null });
    await t.settle();
    expect(t.rows('SELECT 1 FROM outbox WHERE state != ?', 'sent')).toEqual([]);
    for (const customer of ['5491155550001', '5491155550002']) {
      const expected = held.map((row) => row.body).filter((body) => (JSON.parse(body) as { to: string }).to === `+${customer}`);
      expect(texts(customer)).toEqual(expected.map((body) => JSON.stringify(JSON.parse(body))));
    }
    expect((await t.app.inject({ url: '/metrics' })).body).toContain('charla_channels_paused 0');
  });

  it('a final error fails the reply with the reason shown in the inbox history', async () => {
    t.graph.answerAlways('recipient_invalid');
    await say('5491155550003', 'Hablar con alguien');
    const list = await t.app.inject({ url: '/api/conversations?status=active', headers: t.auth() });
    const replies = (list.json() as Array<{ messages: Array<{ direction: string; outboxState: string; errorCode: number; error: string }> }>)
      .flatMap((conversation) => conversation.messages).filter((message) => message.direction === 'bot');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0]).toMatchObject({ outboxState: 'failed', errorCode: 131026, error: '(#131026) Message undeliverable' });
  });
});
