import { nonAnswerEvent } from '../../runtime/whatsapp/non-answer.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { textWebhook } from '../testing/webhook-body.ts';

const CUSTOMER = '5491155550123';
let t: LiveTestApp;
beforeEach(async () => {
  t = await createLiveTestApp();
});
afterEach(() => t.close());

let sequence = 0;
/** One messages[] item of the given type, in a signed webhook body as Meta sends it (our own bodies, shapes as documented). */
function webhookOf(from: string, type: string, fields: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
      contacts: [{ profile: { name: 'Sofía' }, wa_id: from }],
      messages: [{ from, id: `wamid.NA${++sequence}`, timestamp: String(Math.floor(Date.now() / 1000)), type, ...fields }],
    } }] }],
  });
}

const NON_ANSWERS: Array<[string, string, Record<string, unknown>]> = [
  ['reaction', 'reaction', { reaction: { message_id: 'wamid.BOT1', emoji: '👍' } }],
  ['removed reaction', 'reaction', { reaction: { message_id: 'wamid.BOT1' } }],
  ['edit', 'edit', { edit: { original_message_id: 'wamid.NA0', message: { type: 'text', text: { body: 'quise decir otra cosa' } } } }],
  ['deletion', 'revoke', { revoke: { original_message_id: 'wamid.NA0' } }],
  ['chat opened', 'request_welcome', {}],
  ['call-permission reply', 'interactive', { interactive: { type: 'call_permission_reply', call_permission_reply: { response: 'accept', is_permanent: false } } }],
  ['errored interactive', 'unsupported', { errors: [{ code: 131051, title: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }] }],
  ['system notice', 'system', { system: { body: 'User changed number', type: 'user_changed_number', wa_id: '5491155559999' } }],
];

describe('events that are not answers', () => {
  it.each(NON_ANSWERS)('%s: recorded, but never answers the waiting menu: no re-prompt, no retry spent', async (_name, type, fields) => {
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.NA0', text: 'hola' }));
    await t.settle();
    const before = t.graph.requests.length;
    const session = () => JSON.parse(t.rows<{ session: string }>('SELECT session FROM conversations')[0]!.session) as { nodeId: string; retries: number };
    const waiting = session();

    expect((await t.postWebhook(webhookOf(CUSTOMER, type, fields))).statusCode).toBe(200);
    await t.settle();
    expect(t.graph.requests).toHaveLength(before);
    expect(session()).toMatchObject({ nodeId: waiting.nodeId, retries: waiting.retries });
    expect(t.rows('SELECT state FROM inbound_messages ORDER BY rowid')).toEqual([{ state: 'processed' }, { state: 'processed' }]);
    expect(nonAnswerEvent(JSON.parse(webhookOf(CUSTOMER, type, fields)).entry[0].changes[0].value.messages[0])).toBeDefined();

    const [conversation] = (await t.app.inject({ url: '/api/conversations?status=active', headers: t.auth() })).json() as Array<{ messages: Array<{ direction: string; body: { type: string; detail?: string } }> }>;
    expect(conversation!.messages.filter((message) => message.direction === 'in')).toHaveLength(2);
  });

  it('shows an edit and a deletion as such in the history', async () => {
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.NA0', text: 'hola' }));
    await t.postWebhook(webhookOf(CUSTOMER, 'edit', NON_ANSWERS[2]![2]));
    await t.postWebhook(webhookOf(CUSTOMER, 'revoke', NON_ANSWERS[3]![2]));
    await t.settle();
    const [conversation] = (await t.app.inject({ url: '/api/conversations?status=active', headers: t.auth() })).json() as Array<{ messages: Array<{ direction: string; body: { detail?: string } }> }>;
    const details = conversation!.messages.filter((message) => message.direction === 'in').map((message) => message.body.detail);
    expect(details).toEqual([undefined, 'edit: wamid.NA0 → quise decir otra cosa', 'revoke: wamid.NA0']);
  });

  it('"chat opened" with no conversation running starts the welcome', async () => {
    await t.postWebhook(webhookOf('5491155550999', 'request_welcome', {}));
    await t.settle();
    expect(t.graph.requests.length).toBeGreaterThan(0);
    expect(t.graph.requests[0]!.body).toMatchObject({ to: '+5491155550999' });
  });
});
