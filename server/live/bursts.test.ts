import { readFileSync } from 'node:fs';
import type { FlowDocument } from '../../schema/index.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { textWebhook } from '../testing/webhook-body.ts';

const CUSTOMER = '5491155550123';

/** The reminder test bot (testdata/recordatorio.json) without its timeout, gathering bursts of `burstMilliseconds`. */
function gatheringFlow(burstMilliseconds: number): FlowDocument {
  const flow = JSON.parse(readFileSync(new URL('./testdata/recordatorio.json', import.meta.url), 'utf8')) as FlowDocument;
  flow.settings = { ...flow.settings, burstMilliseconds };
  delete (flow.nodes.find((node) => node.id === 'pregunta')!.data as { timeoutSeconds?: number }).timeoutSeconds;
  flow.edges = flow.edges.filter((edge) => edge.sourceHandle !== 'timeout');
  return flow;
}

let t: LiveTestApp;
afterEach(() => t.close());

describe('bursts on the live path', () => {
  it('three fragments within the gathering time make one turn and one reply', { timeout: 20_000 }, async () => {
    t = await createLiveTestApp();
    await t.publish(gatheringFlow(700));
    await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'recordatorio' } });
    let sequence = 0;
    const say = (text: string) => t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: `wamid.B${++sequence}`, text }));
    await say('hola');
    await t.settle();
    for (const fragment of ['Ana', 'María', 'López']) expect((await say(fragment)).statusCode).toBe(200);
    await t.settle();
    const texts = () => t.graph.requests.filter((request) => request.body.type === 'text').map((request) => (request.body.text as { body: string }).body);
    // The delay node's end is a timer: wait for the turn after it.
    for (let count = 1; !texts().some((text) => text.startsWith('¡Gracias')); count += 1) await t.graph.waitForRequests(count);
    await t.settle();
    expect(texts()).toEqual(['¿Cómo te llamás?', '¡Gracias, Ana\nMaría\nLópez!']);
    const turns = t.rows<{ body: string; wamid: string }>(`SELECT body, wamid FROM conversation_messages WHERE direction = 'in' ORDER BY id`);
    expect(turns.map((row) => (JSON.parse(row.body) as { event: unknown }).event)).toEqual([
      { type: 'text', text: 'hola' }, { type: 'text', text: 'Ana\nMaría\nLópez' },
    ]);
    expect(t.rows('SELECT state FROM inbound_messages ORDER BY rowid').map((row) => (row as { state: string }).state)).toEqual(Array(4).fill('processed'));
  });

  it('a tap ends the gathering: the burst is answered first, then the tap on its own', { timeout: 20_000 }, async () => {
    t = await createLiveTestApp();
    await t.publish(gatheringFlow(5_000));
    await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'recordatorio' } });
    const started = Date.now();
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.G1', text: 'hola' }));
    await t.postWebhook(JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: {
        messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
        contacts: [{ profile: { name: 'Cliente' }, wa_id: CUSTOMER }],
        messages: [{ from: CUSTOMER, id: 'wamid.G2', timestamp: String(Math.floor(Date.now() / 1000)), type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'si', title: 'Sí' } } }],
      } }] }],
    }));
    await t.settle();
    expect(Date.now() - started).toBeLessThan(5_000);
    const turns = t.rows<{ body: string }>(`SELECT body FROM conversation_messages WHERE direction = 'in' ORDER BY id`);
    expect(turns.map((row) => (JSON.parse(row.body) as { event: { type: string } }).event.type)).toEqual(['text', 'button_reply']);
  });
});
