import { createLiveTestApp, PHONE_NUMBER_ID, pizzeria, type LiveTestApp } from '../testing/live-test-app.ts';
import { textWebhook } from '../testing/webhook-body.ts';

let t: LiveTestApp;
afterEach(() => t.close());

let sequence = 0;
const say = (from: string, text: string) =>
  t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from, wamid: `wamid.P${++sequence}`, text }));
const lastTextTo = (waId: string) => {
  const body = t.graph.requests.filter((request) => request.body.to === `+${waId}`).at(-1)?.body as
    { text?: { body: string }; interactive?: { body: { text: string } } } | undefined;
  return body?.text?.body ?? body?.interactive?.body.text;
};

describe('live processing', () => {
  it('processes each contact\'s messages in order while contacts run in parallel', async () => {
    t = await createLiveTestApp();
    const contacts = Array.from({ length: 6 }, (_, index) => `54911000000${index}`);
    // Each contact's messages arrive while its previous turn may still be queued or running.
    await Promise.all(contacts.map(async (contact) => {
      for (const text of ['hola', 'Hacer pedido', 'Muzzarella', 'Grande']) expect((await say(contact, text)).statusCode).toBe(200);
    }));
    await t.settle();
    for (const contact of contacts) expect(lastTextTo(contact)).toBe('¿A nombre de quién hacemos el pedido?');
    const history = t.rows<{ conversationId: number; body: string }>(
      `SELECT conversation_id AS conversationId, body FROM conversation_messages WHERE direction = 'in' ORDER BY id`);
    for (const conversationId of new Set(history.map((row) => row.conversationId))) {
      expect(history.filter((row) => row.conversationId === conversationId).map((row) => (JSON.parse(row.body) as { event: { text: string } }).event.text))
        .toEqual(['hola', 'Hacer pedido', 'Muzzarella', 'Grande']);
    }
  });

  it('keeps a conversation on the version it started on across a publish; new ones get the live version', async () => {
    t = await createLiveTestApp();
    await say('5491100000001', 'hola');
    await t.settle();
    const v2 = pizzeria();
    const menu = v2.nodes.find((node) => node.id === 'menu_pizzas')!;
    (menu.data as { text: string }).text = 'Versión 2: elegí tu pizza.';
    expect(await t.publish(v2)).toBe(2);

    await say('5491100000001', 'Hacer pedido');
    await say('5491100000002', 'hola');
    await t.settle();
    await say('5491100000002', 'Hacer pedido');
    await t.settle();
    expect(lastTextTo('5491100000001')).toBe('Elegí tu pizza. Todas llevan muzzarella y salsa de tomate casera.');
    expect(lastTextTo('5491100000002')).toBe('Versión 2: elegí tu pizza.');
    expect(t.rows('SELECT wa_id AS waId, flow_version AS version FROM conversations ORDER BY wa_id')).toEqual([
      { waId: '5491100000001', version: 1 },
      { waId: '5491100000002', version: 2 },
    ]);
  });

  it('rebuilds its queues at start-up from messages acknowledged but not processed', async () => {
    t = await createLiveTestApp();
    const { dbPath } = t;
    await t.app.close();
    const { openDatabase } = await import('../db/connection.ts');
    const database = openDatabase(dbPath);
    const insert = database.sqlite.prepare(`INSERT INTO inbound_messages (wamid, phone_number_id, wa_id, payload, state, received_at)
      VALUES (?, ?, '5491100000009', ?, 'pending', ?)`);
    const timestamp = String(Math.floor(Date.now() / 1000));
    ['hola', 'Hacer pedido'].forEach((text, index) => insert.run(`wamid.R${index}`, PHONE_NUMBER_ID,
      JSON.stringify({ message: { from: '5491100000009', id: `wamid.R${index}`, timestamp, type: 'text', text: { body: text } } }), Date.now()));
    database.close();

    const { buildApp } = await import('../app.ts');
    const restarted = await buildApp({ config: t.app.charla.config });
    await restarted.ready();
    await restarted.live.processor.idle();
    await restarted.live.sender.idle();
    expect(restarted.charla.sqlite!.prepare(`SELECT state FROM inbound_messages ORDER BY rowid`).all()).toEqual([{ state: 'processed' }, { state: 'processed' }]);
    expect(lastTextTo('5491100000009')).toBe('Elegí tu pizza. Todas llevan muzzarella y salsa de tomate casera.');
    await restarted.close();
  });
});
