import pg from 'pg';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { claimKey, ContactClaims } from './contact-claims.ts';

// One contact reaching two instances on one PostgreSQL, once with their phone number and BSUID and once with
// the BSUID only (docs/operations.md, Several instances): one claim, so their turns stay in order.

const BSUID = 'AR.4491208655302741918';
const PHONE = '5491155550123';

let postgres: TestPostgres;
let url: string;
let instances: LiveTestApp[];
let client: pg.Client;
beforeAll(async () => {
  postgres = await startTestPostgres();
  url = await postgres.freshDatabase();
  instances = [await createLiveTestApp({ CHARLA_DATABASE_URL: url })];
  instances.push(await createLiveTestApp({ CHARLA_DATABASE_URL: url }, { joining: true }));
  client = new pg.Client({ connectionString: url });
  await client.connect();
}, 120_000);
afterAll(async () => {
  await client?.end();
  for (const instance of instances ?? []) await instance.close();
  await postgres?.stop();
});

function message(wamid: string, body: string, phone: string | undefined): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
      contacts: [{ profile: { name: 'Sofía', username: 'sofi.pizza' }, ...(phone ? { wa_id: phone } : {}), user_id: BSUID }],
      messages: [{ ...(phone ? { from: phone } : {}), from_user_id: BSUID, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body } }],
    } }] }],
  });
}

async function post(instance: LiveTestApp, body: string): Promise<void> {
  expect((await instance.postWebhook(body)).statusCode).toBe(200);
}

const states = async () => Object.fromEntries((await client.query<{ wamid: string; state: string }>('SELECT wamid, state FROM inbound_messages ORDER BY wamid')).rows
  .map((row) => [row.wamid, row.state]));

describe('a contact with a phone number and a BSUID on several instances', () => {
  it('takes one claim for both, so messages by phone at one instance and by BSUID at another run in order', { timeout: 60_000 }, async () => {
    const [first, second] = instances;
    // Another instance holds the contact's claim (a long turn): whatever arrives waits for it, by phone or by BSUID.
    const holder = new ContactClaims(url, () => undefined);
    try {
      expect(await holder.tryClaim(claimKey({ phoneNumberId: PHONE_NUMBER_ID, contactKey: BSUID }))).toBe(true);
      await post(first!, message('wamid.BC1', 'hola', PHONE));
      await post(second!, message('wamid.BC2', 'menu', undefined));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await states()).toEqual({ 'wamid.BC1': 'pending', 'wamid.BC2': 'pending' });
    } finally {
      await holder.close();
    }
    // The holder is gone; the contact's next message finds both waiting and runs all three in arrival order.
    await post(first!, message('wamid.BC3', 'menu', undefined));
    for (let tries = 0; tries < 500 && Object.values(await states()).some((state) => state !== 'processed'); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await states()).toEqual({ 'wamid.BC1': 'processed', 'wamid.BC2': 'processed', 'wamid.BC3': 'processed' });
    const conversations = (await client.query<{ id: string; wa_id: string; user_id: string }>('SELECT id, wa_id, user_id FROM conversations')).rows;
    expect(conversations).toEqual([{ id: expect.anything(), wa_id: PHONE, user_id: BSUID }]);
    const turns = (await client.query<{ wamid: string }>(`SELECT wamid FROM conversation_messages WHERE direction = 'in' ORDER BY id`)).rows;
    expect(turns.map((turn) => turn.wamid)).toEqual(['wamid.BC1', 'wamid.BC2', 'wamid.BC3']);
    await Promise.all(instances.map((instance) => instance.settle()));
  });
});
