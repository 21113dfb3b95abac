import { createLiveTestApp, pizzeria, WABA_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { sampleTemplates } from '../testing/sample-templates.ts';
import type { GraphTemplate } from '../whatsapp/graph-management.ts';

let t: LiveTestApp;
beforeAll(async () => {
  t = await createLiveTestApp();
});
afterAll(() => t.close());

async function tokenFor(role: 'analyst' | 'tester'): Promise<string> {
  return ((await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: role, role } })).json() as { token: string }).token;
}

const listed = async () => (await t.app.inject({ url: '/api/templates', headers: t.auth() })).json() as
  Array<{ wabaId: string; name: string; language: string; status: string; components: unknown[] }>;

/** 150 templates: Meta lists them in pages of at most 100. */
function manyTemplates(): GraphTemplate[] {
  const extra = Array.from({ length: 146 }, (_, index): GraphTemplate => ({
    id: String(800_000 + index), name: `aviso_${String(index).padStart(3, '0')}`, language: 'es_AR', category: 'UTILITY', status: 'APPROVED',
    components: [{ type: 'BODY', text: `Aviso ${index}` }],
  }));
  return [...sampleTemplates(), ...extra];
}

describe('message templates, read from the WABA (GET /{WABA-ID}/message_templates)', () => {
  it('an analyst\'s «Actualizar plantillas» reads every page into the store; a tester may read but not refresh', async () => {
    t.graph.management.setTemplates(WABA_ID, manyTemplates());
    const analyst = await tokenFor('analyst');
    const synced = await t.app.inject({ method: 'POST', url: '/api/templates/sync', headers: t.auth(analyst) });
    expect(synced.statusCode).toBe(200);
    expect((synced.json() as { results: unknown[] }).results).toEqual([{ wabaId: WABA_ID, templates: 150 }]);
    const pages = t.graph.management.calls.filter((call) => call.path === `/${WABA_ID}/message_templates`);
    expect(pages).toHaveLength(2);

    const templates = await listed();
    expect(templates).toHaveLength(150);
    expect(templates.find((template) => template.name === 'recordatorio_turno')).toMatchObject({
      wabaId: WABA_ID, language: 'es_AR', status: 'APPROVED', components: sampleTemplates()[0]!.components,
    });
    const tester = await tokenFor('tester');
    expect((await t.app.inject({ url: `/api/templates?wabaId=${WABA_ID}`, headers: t.auth(tester) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/templates/sync', headers: t.auth(tester) })).json()).toMatchObject({ code: 'forbidden' });
  });

  it('a new sync replaces the list (a template deleted or approved at Meta); Meta refusing keeps the previous list', async () => {
    const changed = sampleTemplates().map((template) => (template.name === 'promo_invierno' ? { ...template, status: 'APPROVED' } : template));
    t.graph.management.setTemplates(WABA_ID, changed.filter((template) => template.name !== 'retomar_pedido'));
    await t.app.inject({ method: 'POST', url: '/api/templates/sync', headers: t.auth() });
    const after = await listed();
    expect(after.map((template) => `${template.name}:${template.status}`)).toEqual(
      ['pedido_enviado:APPROVED', 'promo_invierno:APPROVED', 'recordatorio_turno:APPROVED']);

    t.graph.expireToken('test-access-token');
    const refused = (await t.app.inject({ method: 'POST', url: '/api/templates/sync', headers: t.auth() })).json() as { results: Array<{ error?: string }> };
    expect(refused.results[0]!.error).toMatch(/expired/);
    expect(await listed()).toEqual(after);
  });
});

describe('the periodic refresh (CHARLA_TEMPLATE_SYNC_MINUTES)', () => {
  it('reads the templates of the bound numbers\' WABAs in the background', async () => {
    const quick = await createLiveTestApp({ CHARLA_TEMPLATE_SYNC_MINUTES: '0.001' });
    try {
      quick.graph.management.setTemplates(WABA_ID, sampleTemplates());
      await vi.waitFor(() => {
        expect(quick.rows('SELECT name FROM whatsapp_templates ORDER BY name')).toHaveLength(4);
      }, { timeout: 5_000, interval: 50 });
    } finally {
      await quick.close();
    }
  });
});

describe('publish and bind check the templates a flow sends on the number\'s WABA', () => {
  let v: LiveTestApp;
  beforeAll(async () => {
    v = await createLiveTestApp();
    v.graph.management.setTemplates(WABA_ID, sampleTemplates());
  });
  afterAll(() => v.close());

  /** The pizzería starting with a reminder template, its quick replies leading to the welcome. */
  function pizzeriaWithTemplate(data: Record<string, unknown>) {
    const document = pizzeria();
    document.nodes.push({ id: 'recordatorio', type: 'template', position: { x: 0, y: -300 }, data: data as never });
    const outputs = 'quickReplies' in data ? ['confirmo', 'reprogramar', 'invalid'] : ['next'];
    document.edges.push(...outputs.map((output) => ({ id: `e-recordatorio-${output}`, source: 'recordatorio', sourceHandle: output, target: document.startNodeId })));
    document.startNodeId = 'recordatorio';
    return document;
  }
  const reminder = {
    name: 'recordatorio_turno', language: 'es_AR', headerParameter: 'martes', bodyParameters: { '1': '{{contact.name}}', '2': 'martes 10 h' },
    quickReplies: [{ id: 'confirmo', title: 'Confirmo' }, { id: 'reprogramar', title: 'Reprogramar' }],
  };

  async function publishDraft(document: ReturnType<typeof pizzeria>) {
    const { revision } = (await v.app.inject({ url: '/api/flows/pizzeria', headers: v.auth() })).json() as { revision: number };
    expect((await v.app.inject({ method: 'PUT', url: '/api/flows/pizzeria', headers: v.auth(), payload: { document, revision } })).statusCode).toBe(200);
    return v.app.inject({ method: 'POST', url: '/api/flows/pizzeria/versions', headers: { ...v.auth(), 'accept-language': 'en' }, payload: {} });
  }

  it('a parameter the template lacks blocks the publish at the node and field; the right ones publish', async () => {
    const refused = await publishDraft(pizzeriaWithTemplate({ ...reminder, bodyParameters: { '1': '{{contact.name}}' } }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'templates_invalid',
      problems: [{ code: 'template_parameters_mismatch', nodeId: 'recordatorio', pointer: `/nodes/${pizzeria().nodes.length}/data/bodyParameters`,
        message: 'Template "recordatorio_turno" expects "1", "2" in the body parameters; the flow has "1".' }],
    });
    expect((await publishDraft(pizzeriaWithTemplate(reminder))).statusCode).toBe(201);
  });

  it('binding a number to a flow whose template Meta has not approved is refused, naming it', async () => {
    const analyst = await v.app.inject({ method: 'POST', url: '/api/flows', headers: v.auth(), payload: { ...pizzeriaWithTemplate({ name: 'promo_invierno', language: 'es_AR' }), id: 'promo' } });
    expect(analyst.statusCode).toBe(201);
    expect((await v.app.inject({ method: 'POST', url: '/api/flows/promo/versions', headers: v.auth(), payload: {} })).statusCode).toBe(201);
    const bound = await v.app.inject({ method: 'PUT', url: '/api/channels/whatsapp/106540352242999', headers: v.auth(), payload: { flowId: 'promo', wabaId: WABA_ID } });
    expect(bound.statusCode).toBe(422);
    expect(bound.json()).toMatchObject({ code: 'templates_invalid', problems: [{ code: 'template_not_approved', nodeId: 'recordatorio' }] });
    expect(bound.json().problems[0].message).toMatch(/«promo_invierno» está PENDING en Meta/);
  });
});
