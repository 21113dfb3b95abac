import type { FlowDocument } from '../../schema/index.ts';
import { oracle } from '../../runtime/whatsapp/testdata/oracle.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { textWebhook } from '../testing/webhook-body.ts';

const CUSTOMER = '5491155550123';
const LOOKING = 'Hola, ya te busco el pedido.';
const FOUND = 'Encontré tu pedido: sale hoy.';
const ANYTHING_ELSE = '¿Algo más?';

/** A greeting, a 1-second pause, the answer, another pause (set by a timer turn), then a question. */
function pausingFlow(typingIndicator?: boolean): FlowDocument {
  return {
    schemaVersion: 1, id: 'escribiendo', name: 'Escribiendo', language: 'es', startNodeId: 'saludo',
    settings: typingIndicator === undefined ? {} : { typingIndicator },
    nodes: [
      { id: 'saludo', type: 'message', position: { x: 0, y: 0 }, data: { text: LOOKING } },
      { id: 'pausa', type: 'delay', position: { x: 0, y: 100 }, data: { seconds: 1 } },
      { id: 'respuesta', type: 'message', position: { x: 0, y: 200 }, data: { text: FOUND } },
      { id: 'pausa_2', type: 'delay', position: { x: 0, y: 300 }, data: { seconds: 1 } },
      { id: 'algo_mas', type: 'question', position: { x: 0, y: 400 }, data: { text: ANYTHING_ELSE, variable: 'otra', input: 'text' } },
      { id: 'fin', type: 'end', position: { x: 0, y: 500 }, data: { text: '¡Gracias!' } },
    ],
    edges: [
      { id: 'e1', source: 'saludo', sourceHandle: 'next', target: 'pausa' },
      { id: 'e2', source: 'pausa', sourceHandle: 'next', target: 'respuesta' },
      { id: 'e3', source: 'respuesta', sourceHandle: 'next', target: 'pausa_2' },
      { id: 'e4', source: 'pausa_2', sourceHandle: 'next', target: 'algo_mas' },
      { id: 'e5', source: 'algo_mas', sourceHandle: 'next', target: 'fin' },
    ],
  } as unknown as FlowDocument;
}

const texts = (t: LiveTestApp) => t.graph.requests.map((request) => (request.body.text as { body?: string } | undefined)?.body);

async function until(t: LiveTestApp, text: string): Promise<void> {
  for (let count = 1; !texts(t).includes(text); count += 1) await t.graph.waitForRequests(count);
}

let t: LiveTestApp;
afterEach(() => t.close());

describe('the typing indicator on the live path', () => {
  it('marks each message read with "typing…" on arrival and after the replies before each delay; never in a handoff', { timeout: 20_000 }, async () => {
    t = await createLiveTestApp();
    await t.publish(pausingFlow());
    await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'escribiendo' } });
    const say = (wamid: string, text: string) => t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid, text }));

    await say('wamid.Y1', 'hola');
    await t.graph.waitForReads(1);
    expect(t.graph.reads[0]!.body).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.Y1', typing_indicator: { type: 'text' } });
    // The pause's indicator goes once the greeting is out: a message would dismiss it.
    await t.graph.waitForReads(2);
    expect(texts(t)).toContain(LOOKING);
    // The second pause is set by the first one's timer turn: shown on the customer's last message, after its reply.
    await t.graph.waitForReads(3);
    expect(texts(t)).toContain(FOUND);
    await until(t, ANYTHING_ELSE);
    await t.settle();
    expect(texts(t)).toEqual([LOOKING, FOUND, ANYTHING_ELSE]);

    // "agente" is answered (typing), then a message to the person handling it is not (nobody is typing yet).
    await say('wamid.Y2', 'agente');
    await t.settle();
    await say('wamid.Y3', '¿hay alguien?');
    await t.settle();
    expect(t.rows('SELECT status FROM conversations')).toEqual([{ status: 'handoff' }]);
    expect(t.graph.reads.map((read) => read.body.message_id)).toEqual(['wamid.Y1', 'wamid.Y1', 'wamid.Y1', 'wamid.Y2']);
    // Every body is what Meta's schema accepts (the fake Graph API refuses anything else).
    for (const read of t.graph.reads) expect(oracle('MarkMessageRequestPayload')({ messaging_product: 'whatsapp', ...read.body })).toBe(true);
    expect((await t.app.inject({ url: '/metrics' })).body).toMatch(/charla_typing_indicators_total 4\b/);
  });

  it('sends no read receipt and no indicator when the flow turns typingIndicator off', { timeout: 20_000 }, async () => {
    t = await createLiveTestApp();
    await t.publish(pausingFlow(false));
    await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'escribiendo' } });
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.N1', text: 'hola' }));
    await until(t, ANYTHING_ELSE);
    await t.settle();
    expect(texts(t)).toEqual([LOOKING, FOUND, ANYTHING_ELSE]);
    expect(t.graph.reads).toEqual([]);
  });
});
