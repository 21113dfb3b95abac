import { readdirSync, readFileSync } from 'node:fs';
import { nonAnswerEvent } from '../../../runtime/whatsapp/non-answer.ts';
import { APP_SECRET, createLiveTestApp, PHONE_NUMBER_ID, VERIFY_TOKEN, WABA_ID, type LiveTestApp } from '../../testing/live-test-app.ts';
import { HOSTILE_TEXT } from '../../../runtime/testing/hostile-patterns.ts';
import { hostilePatternFlow } from '../../testing/regex-attack.ts';
import { restampMessages, signedHeaders, textWebhook } from '../../testing/webhook-body.ts';

const PAYLOADS = new URL('../../../runtime/whatsapp/testdata/payloads/', import.meta.url);
const SOFIA = '5491155550123';

let t: LiveTestApp;
beforeEach(async () => {
  t = await createLiveTestApp();
});
afterEach(() => t.close());

const count = (table: string) => t.rows<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]!.n;
/** Outbox rows as if Charla had sent these wamids: only statuses of its own messages are stored. */
const sentByCharla = (...wamids: string[]) => {
  for (const wamid of wamids) {
    t.rows(`INSERT INTO outbox (conversation_id, phone_number_id, body, state, attempts, next_attempt_at, wamid, created_at)
      VALUES (0, ?, '{}', 'sent', 1, 0, ?, 0) RETURNING id`, PHONE_NUMBER_ID, wamid);
  }
};
const text = (from: string, wamid: string, body: string) => textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from, wamid, text: body, name: 'Sofía' });
const sentTo = (waId: string) => t.graph.requests.filter((request) => request.body.to === `+${waId}`);

describe('GET /webhooks/whatsapp (verification)', () => {
  it('echoes the challenge for the verify token, refuses anything else', async () => {
    const ok = await t.app.inject({ url: `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const wrong = await t.app.inject({ url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'verification_failed' });
  });
});

describe('POST /webhooks/whatsapp', () => {
  it('stores a signed message, answers 200, then runs the turn and sends the replies', async () => {
    const response = await t.postWebhook(text(SOFIA, 'wamid.A1', 'hola'));
    expect(response.statusCode).toBe(200);
    expect(t.rows('SELECT wamid, wa_id AS waId FROM inbound_messages')).toEqual([{ wamid: 'wamid.A1', waId: SOFIA }]);
    await t.settle();
    expect(t.rows('SELECT state FROM inbound_messages')).toEqual([{ state: 'processed' }]);
    const bodies = sentTo(SOFIA).map((request) => request.body);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    expect(bodies[0]).toMatchObject({ messaging_product: 'whatsapp', to: `+${SOFIA}` });
    expect(JSON.stringify(bodies)).toContain('Pizzería Don Pepe');
    expect(t.rows<{ state: string; wamid: string }>('SELECT state, wamid FROM outbox').every((row) => row.state === 'sent' && row.wamid.startsWith('wamid.FAKE'))).toBe(true);
  });

  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const body = text(SOFIA, 'wamid.B1', 'hola');
    const unsigned = await t.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json' }, payload: body });
    const wrong = await t.postWebhook(body, { secret: 'not-the-secret' });
    const tampered = await t.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: signedHeaders(body, 'test-app-secret'), payload: body.replace('hola', 'chau') });
    for (const response of [unsigned, wrong, tampered]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'invalid_signature' });
    }
    expect(count('inbound_messages')).toBe(0);
  });

  it('checks the signature on the raw bytes (escaped unicode as Meta sends it)', async () => {
    const escaped = text(SOFIA, 'wamid.U1', 'Olá, Sofía 🍕').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect((await t.postWebhook(escaped)).statusCode).toBe(200);
    await t.settle();
    expect(t.rows<{ body: string }>(`SELECT body FROM conversation_messages WHERE direction = 'in'`)[0]!.body).toContain('Olá, Sofía 🍕');
  });

  it('uses the channel\'s own app secret when it has one', async () => {
    await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'pizzeria', appSecret: 'channel-secret' } });
    const body = text(SOFIA, 'wamid.C1', 'hola');
    expect((await t.postWebhook(body)).statusCode).toBe(401);
    expect((await t.postWebhook(body, { secret: 'channel-secret' })).statusCode).toBe(200);
  });

  describe('one signature must hold for every business number the body names', () => {
    const OTHER_NUMBER = '222222222222222';
    /** entry[0] for `first`, entry[1] carrying a message from SOFIA to OTHER_NUMBER. */
    const twoNumbers = (first: string) => {
      const entry = (phoneNumberId: string, wamid: string) => (JSON.parse(text(SOFIA, wamid, 'hola').replace(PHONE_NUMBER_ID, phoneNumberId)) as { entry: unknown[] }).entry[0];
      return JSON.stringify({ object: 'whatsapp_business_account', entry: [entry(first, 'wamid.G0'), entry(OTHER_NUMBER, 'wamid.G1')] });
    };
    const bindOther = (appSecret: string) => t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${OTHER_NUMBER}`, headers: t.auth(), payload: { flowId: 'pizzeria', appSecret, wabaId: WABA_ID } });

    it("refuses a body signed with number A's secret that also carries a message for number B", async () => {
      await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'pizzeria', appSecret: 'secret-a' } });
      await bindOther('secret-b');
      const body = twoNumbers(PHONE_NUMBER_ID);
      const response = await t.postWebhook(body, { secret: 'secret-a' });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'invalid_signature' });
      expect(count('inbound_messages')).toBe(0);
      expect((await t.postWebhook(body, { secret: 'secret-b' })).statusCode).toBe(401);
      expect(count('inbound_messages')).toBe(0);
    });

    it('refuses a body signed with the global secret for an unbound number first and a bound number with its own secret after', async () => {
      await bindOther('secret-b');
      const body = twoNumbers('333333333333333');
      const response = await t.postWebhook(body);
      expect(response.statusCode).toBe(401);
      expect(count('inbound_messages')).toBe(0);
      await t.settle();
      expect(t.graph.requests).toHaveLength(0);
    });

    it('accepts a body whose numbers all share the secret it is signed with', async () => {
      await bindOther(APP_SECRET);
      expect((await t.postWebhook(twoNumbers(PHONE_NUMBER_ID))).statusCode).toBe(200);
      expect(count('inbound_messages')).toBe(2);
    });
  });

  it.each(readdirSync(PAYLOADS).filter((name) => name.endsWith('.json')))('accepts %s: every message and status stored, messages processed', async (name) => {
    const raw = restampMessages(readFileSync(new URL(name, PAYLOADS), 'utf8'));
    const value = JSON.parse(raw) as { entry: Array<{ changes: Array<{ value: { messages?: Array<{ id: string }>; statuses?: Array<{ id: string }> } }> }> };
    const changes = value.entry.flatMap((entry) => entry.changes.map((change) => change.value));
    const wamids = changes.flatMap((change) => change.messages ?? []).map((message) => message.id);
    const statuses = changes.flatMap((change) => change.statuses ?? []).map((status) => status.id);
    sentByCharla(...new Set(statuses));
    expect((await t.postWebhook(raw)).statusCode).toBe(200);
    await t.settle();
    // A message that is not an answer (a reaction, an errored item) with no conversation to record it in is kept with why.
    const messages = changes.flatMap((change) => change.messages ?? []) as unknown as Array<{ id: string; from: string }>;
    const answers = messages.filter((message) => nonAnswerEvent(message) === undefined);
    expect(t.rows<{ wamid: string; state: string; error: string | null }>('SELECT wamid, state, error FROM inbound_messages ORDER BY rowid')).toEqual(messages.map((message) => {
      const nonAnswer = nonAnswerEvent(message);
      return nonAnswer
        ? { wamid: message.id, state: 'failed', error: `${nonAnswer.kind}: not an answer, and no conversation to record it in` }
        : { wamid: message.id, state: 'processed', error: null };
    }));
    expect(wamids).toEqual(messages.map((message) => message.id));
    expect(t.rows<{ wamid: string }>('SELECT wamid FROM message_statuses').map((row) => row.wamid).sort()).toEqual([...new Set(statuses)].sort());
    // A bot must answer any kind of answer (a re-prompt at worst), never fail on it.
    for (const contact of new Set(answers.map((message) => message.from))) {
      expect(sentTo(contact).length).toBeGreaterThan(0);
    }
  });

  it('processes a wamid once however often it arrives', async () => {
    const body = text(SOFIA, 'wamid.D1', 'hola');
    const responses = await Promise.all([t.postWebhook(body), t.postWebhook(body), t.postWebhook(body)]);
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200]);
    await t.settle();
    expect((await t.postWebhook(body)).statusCode).toBe(200);
    await t.settle();
    expect(count('inbound_messages')).toBe(1);
    expect(t.rows(`SELECT count(*) AS n FROM conversation_messages WHERE direction = 'in'`)).toEqual([{ n: 1 }]);
    const once = sentTo(SOFIA).length;
    expect(once).toBe(count('outbox'));
    expect(t.app.live.metrics.value('charla_inbound_duplicates_total')).toBe(3);
  });

  it('answers 200 for an unknown phone_number_id or field and stores nothing', async () => {
    const unknownNumber = textWebhook({ phoneNumberId: '999999999', from: SOFIA, wamid: 'wamid.E1', text: 'hola' });
    const otherField = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_update', value: { phone_number: '1' } }] }] });
    expect((await t.postWebhook(unknownNumber)).statusCode).toBe(200);
    expect((await t.postWebhook(otherField)).statusCode).toBe(200);
    expect(count('inbound_messages')).toBe(0);
  });

  it('refuses a body over 3 MB with 413 and malformed JSON with 400, storing nothing', async () => {
    const huge = text(SOFIA, 'wamid.F1', 'x'.repeat(3 * 1024 * 1024));
    const tooLarge = await t.postWebhook(huge);
    expect(tooLarge.statusCode).toBe(413);
    const malformed = await t.postWebhook('{"object":"whatsapp_business_account","entry":[');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'malformed_json' });
    const notWebhook = await t.postWebhook('{"hello":"world"}');
    expect(notWebhook.statusCode).toBe(400);
    expect(count('inbound_messages')).toBe(0);
  });

  it('moves statuses only forward; failed keeps its error code', async () => {
    const status = (wamid: string, value: string, errors?: unknown[]) => JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: {
        messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: PHONE_NUMBER_ID },
        statuses: [{ id: wamid, status: value, timestamp: '1764000000', recipient_id: SOFIA, ...(errors ? { errors } : {}) }],
      } }] }],
    });
    sentByCharla('wamid.S1', 'wamid.S2', 'wamid.S3');
    for (const [wamid, value] of [['wamid.S1', 'read'], ['wamid.S1', 'delivered'], ['wamid.S1', 'sent'], ['wamid.S2', 'sent'], ['wamid.S2', 'delivered']] as const) {
      expect((await t.postWebhook(status(wamid, value))).statusCode).toBe(200);
    }
    await t.postWebhook(status('wamid.S3', 'failed', [{ code: 131047, title: 'Re-engagement message' }]));
    await t.postWebhook(status('wamid.S3', 'delivered'));
    expect(t.rows('SELECT wamid, status, error_code AS errorCode FROM message_statuses ORDER BY wamid')).toEqual([
      { wamid: 'wamid.S1', status: 'read', errorCode: null },
      { wamid: 'wamid.S2', status: 'delivered', errorCode: null },
      { wamid: 'wamid.S3', status: 'failed', errorCode: 131047 },
    ]);
  });
});

describe('a message nested 10,000 levels deep inside a batch', () => {
  it('is recorded as unsupported with a truncated payload, the rest of the batch stored and answered 200', async () => {
    const deep = `${'{"x":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const batch = JSON.parse(text(SOFIA, 'wamid.N1', 'hola')) as { entry: Array<{ changes: Array<{ value: { messages: unknown[] } }> }> };
    const messages = batch.entry[0]!.changes[0]!.value.messages;
    messages.push({ from: SOFIA, id: 'wamid.N2', timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: '__DEEP__' }, { ...(messages[0] as object), id: 'wamid.N3' });
    const body = JSON.stringify(batch).replace('"__DEEP__"', deep);
    const response = await t.postWebhook(body);
    expect(response.statusCode).toBe(200);
    const rows = t.rows<{ wamid: string; payload: string }>('SELECT wamid, payload FROM inbound_messages ORDER BY rowid');
    expect(rows.map((row) => row.wamid)).toEqual(['wamid.N1', 'wamid.N2', 'wamid.N3']);
    const recorded = JSON.parse(rows[1]!.payload) as { message: Record<string, unknown> };
    expect(recorded.message).toMatchObject({ id: 'wamid.N2', type: 'unsupported', truncated: { text: '[…]' } });
    expect(rows[1]!.payload.length).toBeLessThan(1000);
    await t.settle();
    expect(t.rows('SELECT state FROM inbound_messages ORDER BY rowid')).toEqual([{ state: 'processed' }, { state: 'processed' }, { state: 'processed' }]);
  });
});

describe('a hostile pattern and customer text (regular-expression denial of service)', () => {
  it('answers the 1,000-character attack with a re-prompt while /healthz and other customers keep being answered', async () => {
    await t.publish(hostilePatternFlow());
    await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'patrones' } });
    await t.postWebhook(text(SOFIA, 'wamid.R0', 'hola'));
    await t.settle();
    const attack = t.postWebhook(text(SOFIA, 'wamid.R1', HOSTILE_TEXT));
    const [attacked, health, other] = await Promise.all([attack, t.app.inject({ url: '/healthz' }), t.postWebhook(text('5491100000001', 'wamid.R2', 'hola'))]);
    expect([attacked.statusCode, health.statusCode, other.statusCode]).toEqual([200, 200, 200]);
    await t.settle();
    expect(sentTo(SOFIA).map((request) => (request.body.text as { body: string }).body)).toEqual(['¿Tu usuario?', 'Ese usuario no sirve', '¿Tu usuario?']);
    expect(sentTo('5491100000001').map((request) => (request.body.text as { body: string }).body)).toEqual(['¿Tu usuario?']);
  });
});

