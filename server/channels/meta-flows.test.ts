import type { NodeOf } from '../../schema/index.ts';
import { operationOracle } from '../../runtime/whatsapp/testdata/oracle.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, pizzeria, WABA_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { textWebhook } from '../testing/webhook-body.ts';

const CUSTOMER = '5491155550123';
const FORM_NODE = 'formulario_envio';

let t: LiveTestApp;
beforeAll(async () => {
  t = await createLiveTestApp();
});
afterAll(() => t.close());

/** The pizzería with its form as the first node: the first message of a conversation opens it. */
function pizzeriaStartingAtItsForm() {
  const document = pizzeria();
  document.startNodeId = FORM_NODE;
  return document;
}

function formOf(document: ReturnType<typeof pizzeria>): NodeOf<'form'> {
  return document.nodes.find((node) => node.id === FORM_NODE) as NodeOf<'form'>;
}

const metaFlowsOf = async () => (await t.app.inject({ url: '/api/flows/pizzeria/meta-flows', headers: t.auth() })).json() as
  Array<{ version: number; wabaId: string; nodeId: string; metaFlowId: string; status: string; validationErrors: Array<{ message: string }> }>;

describe('WhatsApp Flows: the forms of a version are published at Meta before it serves a number', () => {
  it('publish + bind of the pizzería creates, uploads and publishes its form on the number\'s WABA', async () => {
    const [registered] = await metaFlowsOf();
    expect(registered).toMatchObject({ version: 1, wabaId: WABA_ID, nodeId: FORM_NODE, status: 'PUBLISHED', validationErrors: [] });
    const atMeta = t.graph.management.flows.get(registered!.metaFlowId)!;
    expect(atMeta).toMatchObject({ wabaId: WABA_ID, status: 'PUBLISHED', categories: ['OTHER'], flowJson: formOf(pizzeria()).data.flowJson });
    expect(t.graph.management.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      `POST /${WABA_ID}/flows`, `POST /${registered!.metaFlowId}/assets`, `POST /${registered!.metaFlowId}/publish`,
    ]);
    expect(t.graph.management.calls[1]!.fields).toEqual({ name: 'flow.json', asset_type: 'FLOW_JSON', file: '<file application/json>' });
  });

  it('a new version\'s form goes out by its own flow_id, never by name or as a draft; the unused version\'s Flow is deprecated', async () => {
    const version = await t.publish(pizzeriaStartingAtItsForm());
    const flows = await metaFlowsOf();
    const current = flows.find((flow) => flow.version === version)!;
    expect(current.status).toBe('PUBLISHED');
    // No conversation ran version 1: its Flow is deprecated at Meta once version 2 is live.
    const first = flows.find((flow) => flow.version === 1)!;
    expect(first.status).toBe('DEPRECATED');
    expect(t.graph.management.flows.get(first.metaFlowId)!.status).toBe('DEPRECATED');

    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.FORM1', text: 'hola' }));
    await t.settle();
    const [sent] = t.graph.requests;
    const parameters = (sent!.body.interactive as { action: { parameters: Record<string, unknown> } }).action.parameters;
    expect(parameters).toMatchObject({ flow_id: current.metaFlowId, flow_action: 'navigate', flow_message_version: '3' });
    expect(parameters).not.toHaveProperty('flow_name');
    expect(parameters).not.toHaveProperty('mode');
    expect(t.graph.requests.every((request) => request.wamid !== undefined)).toBe(true);
  });

  it('keeps the Flow of a version a conversation still runs, and deprecates it by the sweep once none does', async () => {
    const running = (await metaFlowsOf()).find((flow) => flow.status === 'PUBLISHED')!;
    const document = pizzeriaStartingAtItsForm();
    document.name = 'Pizzería (v3)';
    await t.publish(document);
    // The customer of the previous test still waits on the form of `running.version`.
    expect((await metaFlowsOf()).find((flow) => flow.version === running.version)!.status).toBe('PUBLISHED');
    t.app.charla.sqlite!.prepare("UPDATE conversations SET status = 'ended'").run();
    expect(await t.app.live.sweepMetaFlows()).toBe(1);
    expect(t.graph.management.flows.get(running.metaFlowId)!.status).toBe('DEPRECATED');
  });

  it('a Meta validation error blocks the publish, naming the form node; nothing goes live', async () => {
    const document = pizzeria();
    const form = formOf(document);
    // Meta requires every ${data.x} a screen shows to be declared in its `data`; Charla's validation leaves that to Meta.
    form.data.flowJson.screens[0]!.layout.children.unshift({ type: 'TextBody', text: '${data.promo}' });
    const before = (await t.app.inject({ url: '/api/flows/pizzeria', headers: t.auth() })).json() as { liveVersion: number };
    const draft = (await t.app.inject({ url: '/api/flows/pizzeria', headers: t.auth() })).json() as { revision: number };
    await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria', headers: t.auth(), payload: { document, revision: draft.revision } });
    const refused = await t.app.inject({ method: 'POST', url: '/api/flows/pizzeria/versions', headers: t.auth(), payload: {} });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'meta_flow_invalid', nodeId: FORM_NODE, validationErrors: [{ error: 'MISSING_DATA_DECLARATION' }] });
    expect(refused.json().message).toContain(`"${FORM_NODE}"`);
    expect((await t.app.inject({ url: '/api/flows/pizzeria', headers: t.auth() })).json()).toMatchObject({ liveVersion: before.liveVersion });
    const draftAtMeta = (await metaFlowsOf()).find((flow) => flow.status === 'DRAFT')!;
    expect(draftAtMeta.validationErrors[0]!.message).toContain('${data.promo}');
  });

  it('a Meta validation error blocks the bind of another number, naming the form node; without a WABA the bind is refused', async () => {
    const other = '106540352242999';
    const noWaba = await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${other}`, headers: t.auth(), payload: { flowId: 'pizzeria' } });
    expect(noWaba.statusCode).toBe(422);
    expect(noWaba.json()).toMatchObject({ code: 'channel_waba_missing' });

    // Another WABA whose token Meta refuses: the bind fails with Meta's code, naming the node, and nothing is bound.
    t.graph.expireToken('refused-token');
    const refused = await t.app.inject({
      method: 'PUT', url: `/api/channels/whatsapp/${other}`, headers: t.auth(), payload: { flowId: 'pizzeria', wabaId: '555', accessToken: 'refused-token' },
    });
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toMatchObject({ code: 'whatsapp_api_failed', nodeId: FORM_NODE, graphCode: 190 });
    expect(t.rows('SELECT * FROM channels WHERE phone_number_id = ?', other)).toEqual([]);
  });

  it('the fake answers every management call in Meta\'s documented shapes and refuses fields Meta does not list', async () => {
    expect(operationOracle('/{Version}/{WABA-ID}/flows', 'post').formFields).toEqual(['categories', 'clone_flow_id', 'endpoint_uri', 'name']);
    const form = new FormData();
    form.set('name', 'x');
    form.set('categories', '["OTHER"]');
    form.set('flow_json', '{}');
    const refused = await fetch(`${t.graph.url}/${WABA_ID}/flows`, { method: 'POST', headers: { authorization: 'Bearer test-access-token' }, body: form });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 100 } });
  });
});
