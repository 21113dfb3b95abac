import { testFlow } from '../../runtime/testing/test-flow.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { textWebhook } from '../testing/webhook-body.ts';

/** Replies that pass validation but outgrow WhatsApp's limits once the customer's words are filled in (issue 16, part 7). */
const ECHO = {
  ...testFlow([
    { id: 'eco', type: 'message', data: { text: '{{message.text}}' } },
    { id: 'menu', type: 'menu', data: { text: '{{message.text}}', options: [{ id: 'si', title: 'Sí' }, { id: 'no', title: 'No' }], invalidText: 'Tocá un botón' } },
    { id: 'fin', type: 'end', data: { text: 'Listo' } },
  ], [['eco', 'next', 'menu'], ['menu', 'si', 'fin'], ['menu', 'no', 'fin']]),
  id: 'eco', name: 'Eco',
};
const words = (characters: number) => Array.from({ length: characters }, (_, index) => `palabra${index}`).join(' ').slice(0, characters);

let t: LiveTestApp;
beforeAll(async () => {
  t = await createLiveTestApp();
  await t.publish(ECHO);
  await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'eco' } });
});
afterAll(() => t.close());

describe('replies over a WhatsApp limit', () => {
  it.each([['a 1,107-character menu body', 1107, '5491155550001'], ['a 100 KB echo', 100_000, '5491155550002']])(
    '%s reaches the Graph API whole, in valid messages, and the menu still answers by id', async (_name, length, customer) => {
      const text = words(length);
      const before = t.graph.requests.length;
      await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: customer, wamid: `wamid.LONG${length}`, text }));
      await t.settle();
      const sent = t.graph.requests.slice(before);
      // Every body passed the fake's oracle check: each got a wamid.
      expect(sent.every((request) => request.wamid !== undefined)).toBe(true);
      const texts = sent.filter((request) => request.body.type === 'text').map((request) => (request.body.text as { body: string }).body);
      const menu = sent.at(-1)!.body as { type: string; interactive: { body: { text: string } } };
      expect(menu.type).toBe('interactive');
      // The echo, then the menu body's leading part as text, then the buttons with the rest: nothing lost.
      const echoParts = Math.ceil(length / 4096);
      expect(texts.slice(0, echoParts).join(' ')).toBe(text);
      expect(`${texts.slice(echoParts).join(' ')} ${menu.interactive.body.text}`).toBe(text);

      await t.postWebhook(JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'messages', value: {
          messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
          messages: [{ from: customer, id: `wamid.TAP${length}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'interactive',
            interactive: { type: 'button_reply', button_reply: { id: 'si', title: 'Sí' } } }],
        } }] }],
      }));
      await t.settle();
      expect(t.graph.requests.at(-1)!.body).toMatchObject({ type: 'text', text: { body: 'Listo' } });
    });
});
