import pg from 'pg';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, WABA_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { startTemplates } from '../testing/sample-templates.ts';

// A conversation the business starts by phone number (POST /api/flows/:id/start) while the customer's own
// message arrives carrying their phone number and BSUID: the two run under different contact keys, so they
// may race to create the conversation. Whichever stores it first, there is one conversation and nothing is lost
// (docs/whatsapp.md §1, "Business-scoped user ids").

const CONTACTS = 8;

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 120_000);
afterAll(() => postgres?.stop());

function reply(phone: string, bsuid: string, wamid: string): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: WABA_ID, changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
      contacts: [{ profile: { name: 'Ana' }, wa_id: phone, user_id: bsuid }],
      messages: [{ from: phone, from_user_id: bsuid, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'Grande' } }],
    } }] }],
  });
}

describe.each([['SQLite'], ['PostgreSQL']])('a phone-only start racing the reply with both ids, on %s', (dialect) => {
  let t: LiveTestApp;
  let client: pg.Client | undefined;
  beforeEach(async () => {
    const url = dialect === 'PostgreSQL' ? await postgres.freshDatabase() : undefined;
    t = await createLiveTestApp(url === undefined ? {} : { CHARLA_DATABASE_URL: url });
    t.graph.management.setTemplates(WABA_ID, startTemplates());
    if (url !== undefined) {
      client = new pg.Client({ connectionString: url });
      await client.connect();
    }
  });
  afterEach(async () => {
    await client?.end();
    client = undefined;
    await t.close();
  });

  it('ends as one conversation per contact, the reply processed, the start sent or refused as in progress', { timeout: 60_000 }, async () => {
    const contacts = Array.from({ length: CONTACTS }, (_, index) => ({ phone: `54911555520${String(index).padStart(2, '0')}`, bsuid: `AR.44912086553027419${String(index).padStart(2, '0')}` }));
    const outcomes = await Promise.all(contacts.flatMap(({ phone, bsuid }, index) => [
      t.app.inject({
        method: 'POST', url: '/api/flows/pizzeria/start', headers: t.auth(),
        payload: { contact: { phone, name: 'Ana' }, template: { name: 'pedido_pendiente', language: 'es_AR', bodyParameters: { '1': '{{contact.name}}', '2': 'Napolitana' } }, nodeId: 'menu_tamano' },
      }).then((response) => response.statusCode),
      t.postWebhook(reply(phone, bsuid, `wamid.RACE${index}`)).then((response) => response.statusCode),
    ]));
    await t.settle();
    for (let index = 0; index < CONTACTS; index += 1) {
      expect([202, 409]).toContain(outcomes[2 * index]);
      expect(outcomes[2 * index + 1]).toBe(200);
    }
    const rows = async <T extends pg.QueryResultRow>(sql: string) => (client ? (await client.query<T>(sql)).rows : t.rows<T>(sql));
    const conversations = await rows<{ wa_id: string; user_id: string | null }>('SELECT wa_id, user_id FROM conversations ORDER BY wa_id');
    expect(conversations).toEqual(contacts.map(({ phone, bsuid }) => ({ wa_id: phone, user_id: bsuid })));
    const inbound = await rows<{ state: string }>('SELECT state FROM inbound_messages');
    expect(inbound.map((row) => row.state)).toEqual(contacts.map(() => 'processed'));
  });
});
