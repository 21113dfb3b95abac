import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { signedHeaders } from '../testing/webhook-body.ts';
import { APP_SECRET } from '../testing/live-test-app.ts';

/** Business-scoped user ids (docs/whatsapp.md §1): our own bodies, in the shapes Meta documents for 2026. */
const BSUID = 'AR.4491208655302741918';
const PHONE = '5491155550123';

let t: LiveTestApp;
beforeEach(async () => {
  t = await createLiveTestApp();
});
afterEach(() => t.close());

let sequence = 0;
function envelope(value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID }, ...value,
    } }] }],
  });
}

/** A customer message; `phone` undefined = WhatsApp withheld the number (a user with a username). */
function message(fields: Record<string, unknown>, who: { phone?: string; userId?: string; username?: string } = { userId: BSUID, username: 'sofi.pizza' }): string {
  const wamid = `wamid.BS${++sequence}`;
  return envelope({
    contacts: [{
      profile: { name: 'Sofía', ...(who.username ? { username: who.username } : {}) },
      ...(who.phone ? { wa_id: who.phone } : {}), ...(who.userId ? { user_id: who.userId } : {}),
    }],
    messages: [{
      ...(who.phone ? { from: who.phone } : {}), ...(who.userId ? { from_user_id: who.userId } : {}),
      id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), ...fields,
    }],
  });
}
const text = (body: string) => ({ type: 'text', text: { body } });
const tap = (id: string, title: string) => ({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } });

async function post(body: string): Promise<void> {
  const response = await t.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: signedHeaders(body, APP_SECRET), payload: body });
  expect(response.statusCode).toBe(200);
  await t.settle();
}

describe('business-scoped user ids', () => {
  it('a BSUID-only conversation runs end to end: answered by `recipient`, statuses keep it, the inbox shows the username', async () => {
    await post(message(text('hola')));
    const welcome = t.graph.requests.map((request) => request.body);
    expect(welcome.length).toBeGreaterThan(0);
    for (const body of welcome) {
      expect(body).toMatchObject({ recipient: BSUID });
      expect(body).not.toHaveProperty('to');
    }
    // The fake answered each with a wamid, so each passed Meta's schema.
    expect(t.graph.requests.every((request) => request.wamid !== undefined)).toBe(true);

    // The customer answers the menu: the same conversation moves on.
    await post(message(tap('ver_promos', 'Ver promos')));
    expect(t.graph.requests.length).toBeGreaterThan(welcome.length);
    expect(JSON.stringify(t.graph.requests.slice(welcome.length).map((request) => request.body))).toContain('Promos de esta semana');
    expect(t.rows('SELECT wa_id, user_id, username FROM conversations')).toEqual([{ wa_id: BSUID, user_id: BSUID, username: 'sofi.pizza' }]);

    // Statuses of a message sent to a BSUID carry recipient_user_id (no recipient_id): they keep their recipient.
    const sent = t.graph.requests[0]!;
    await post(envelope({ statuses: [{
      id: sent.wamid, status: 'delivered', timestamp: String(Math.floor(Date.now() / 1000)), recipient_user_id: BSUID,
      biz_opaque_callback_data: sent.callbackData,
    }] }));
    expect(t.rows('SELECT status, recipient_id FROM message_statuses WHERE wamid = ?', sent.wamid)).toEqual([{ status: 'delivered', recipient_id: BSUID }]);

    const [conversation] = (await t.app.inject({ url: '/api/conversations?status=active', headers: t.auth() })).json() as Array<Record<string, unknown>>;
    expect(conversation).toMatchObject({ waId: BSUID, userId: BSUID, username: 'sofi.pizza', contactName: 'Sofía' });
  });

  it('a contact seen by phone, then with both ids, then by BSUID alone is one conversation, still answered at the phone', async () => {
    await post(message(text('hola'), { phone: PHONE }));
    await post(message(text('hola'), { phone: PHONE, userId: BSUID }));
    const before = t.graph.requests.length;
    await post(message(tap('ver_promos', 'Ver promos'), { userId: BSUID }));
    expect(t.rows('SELECT wa_id, user_id FROM conversations')).toEqual([{ wa_id: PHONE, user_id: BSUID }]);
    const promos = t.graph.requests.slice(before);
    expect(promos.length).toBeGreaterThan(0);
    expect(promos[0]!.body).toMatchObject({ to: `+${PHONE}` });
    expect(JSON.stringify(promos[0]!.body)).toContain('Promos de esta semana');
  });

  it('an agent reply from the inbox reaches a BSUID-only contact', async () => {
    await post(message(text('agente')));
    const [conversation] = (await t.app.inject({ url: '/api/conversations', headers: t.auth() })).json() as Array<{ id: number }>;
    const reply = await t.app.inject({ method: 'POST', url: `/api/conversations/${conversation!.id}/messages`, headers: t.auth(), payload: { text: 'Hola Sofi, soy Ana' } });
    expect(reply.statusCode).toBe(202);
    await t.settle();
    expect(t.graph.requests.at(-1)).toMatchObject({ body: { recipient: BSUID, text: { body: 'Hola Sofi, soy Ana' } } });
    expect(t.graph.requests.at(-1)!.wamid).toBeDefined();
  });
});
