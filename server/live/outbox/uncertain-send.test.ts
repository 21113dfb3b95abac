import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { GraphClient } from '../../whatsapp/graph-client.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../../testing/live-test-app.ts';
import { statusWebhook, textWebhook } from '../../testing/webhook-body.ts';
import { outboxCallbackData } from '../callback-data.ts';

const CUSTOMER = '5491155550123';

describe('no blind resend', () => {
  let t: LiveTestApp;
  beforeEach(async () => {
    t = await createLiveTestApp({ CHARLA_OUTBOX_UNCERTAIN_GRACE_MS: '400' });
  });
  afterEach(() => t.close());

  const callsFor = (outboxId: number) => t.graph.requests.filter((request) => request.callbackData === outboxCallbackData(outboxId));

  it('does not resend a message whose answer was lost when a status webhook names it within the grace period', async () => {
    t.graph.answerNext('lost');
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.IN1', text: 'hola' }));
    await t.graph.waitForRequests(1);
    const [lost] = t.graph.requests;
    // What Meta does after accepting the message: a `sent` status echoing the callback data.
    const status = await t.postWebhook(statusWebhook(PHONE_NUMBER_ID, [
      { wamid: lost!.wamid!, status: 'sent', recipientId: CUSTOMER, callbackData: lost!.callbackData! },
    ]));
    expect(status.statusCode).toBe(200);
    await t.settle();

    const rows = t.rows<{ id: number; state: string; wamid: string }>('SELECT id, state, wamid FROM outbox ORDER BY id');
    expect(callsFor(rows[0]!.id)).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'sent', wamid: lost!.wamid });
    // The rest of the conversation went out after it, in order, each once.
    expect(rows.every((row) => row.state === 'sent')).toBe(true);
    expect(t.graph.requests.map((request) => request.callbackData)).toEqual(rows.map((row) => outboxCallbackData(row.id)));
    expect((await t.app.inject({ url: '/metrics' })).body).toMatch(/charla_outbox_settled_by_status_total 1/);
  });

  it('resends it once the grace period passes without a status', async () => {
    t.graph.answerNext('lost');
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.IN2', text: 'hola' }));
    await t.graph.waitForRequests(1);
    expect(t.rows('SELECT state FROM outbox ORDER BY id LIMIT 1')).toEqual([{ state: expect.stringMatching(/in_flight|uncertain/) }]);
    await t.settle();
    const rows = t.rows<{ id: number; state: string }>('SELECT id, state FROM outbox ORDER BY id');
    expect(callsFor(rows[0]!.id)).toHaveLength(2);
    expect(rows.every((row) => row.state === 'sent')).toBe(true);
  });
});

describe('GraphClient', () => {
  it('calls a send uncertain when the request was written and no answer came, and not when it never connected', async () => {
    const silent = createServer((socket) => socket.on('data', () => {}));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const timingOut = new GraphClient(`http://127.0.0.1:${port}`, 200);
    expect(await timingOut.send(PHONE_NUMBER_ID, 'token', '{}')).toMatchObject({ ok: false, uncertain: true });
    await timingOut.close();
    await new Promise((resolve) => silent.close(resolve));

    // Nothing listens there any more: the connection is refused, the message was certainly not sent.
    const refused = new GraphClient(`http://127.0.0.1:${port}`, 200);
    const result = await refused.send(PHONE_NUMBER_ID, 'token', '{}');
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('uncertain');
    await refused.close();
  });
});
