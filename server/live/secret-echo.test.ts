import { startFakeCrm, type FakeCrm } from '../testing/fake-crm.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { textWebhook } from '../testing/webhook-body.ts';
import { testFlow } from '../../runtime/testing/test-flow.ts';

const SECRET = 'crm-s3cr3t-token-9f8e';
const SOFIA = '5491155550123';

/** Every form an echoing server may give the secret back in (issue 10, finding 3). */
function leaks(text: string): string[] {
  const header = Buffer.from(`Bearer ${SECRET}`);
  const forms = [SECRET, header.toString('base64'), header.toString('base64url'), header.toString('hex'), encodeURIComponent(`Bearer ${SECRET}`), Buffer.from(SECRET).toString('base64')];
  return forms.filter((form) => text.includes(form));
}

let crm: FakeCrm;
let t: LiveTestApp;
beforeAll(async () => { crm = await startFakeCrm(); });
afterAll(() => crm.close());
afterEach(() => t.close());

describe('a server that echoes the Authorization header encoded', () => {
  it('never gets the secret into the session, the inbox, the simulator or the WhatsApp text', async () => {
    t = await createLiveTestApp({ CHARLA_ALLOW_PRIVATE_HTTP: '1', CHARLA_SECRET_CRM_TOKEN: SECRET });
    const flow = {
      ...testFlow([
        { id: 'consultar', type: 'api_call', data: {
          method: 'GET', url: `${crm.origin}/echo-encoded`, headers: [{ name: 'Authorization', value: 'Bearer {{secrets.CRM_TOKEN}}' }],
          outputs: [{ variable: 'b64', path: 'base64' }, { variable: 'b64url', path: 'base64url' }, { variable: 'hex', path: 'hex' }, { variable: 'url', path: 'url' }, { variable: 'nested', path: 'nested' }],
        } },
        { id: 'eco', type: 'end', data: { text: 'Eco: {{b64}} {{b64url}} {{hex}} {{url}} {{nested.again}}' } },
        { id: 'error', type: 'end', data: { text: 'Falló' } },
      ], [['consultar', 'success', 'eco'], ['consultar', 'error', 'error']]),
      id: 'eco', name: 'Eco',
    };
    await t.publish(flow);
    await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'eco' } });
    expect((await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: SOFIA, wamid: 'wamid.X1', text: 'hola' }))).statusCode).toBe(200);
    await t.settle();

    expect(crm.seen.at(-1)?.authorization).toBe(`Bearer ${SECRET}`);
    const sent = JSON.stringify(t.graph.requests.map((request) => request.body));
    expect(sent).toContain('Eco: ');
    expect(sent).toContain('[secret]');
    expect(leaks(sent)).toEqual([]);
    expect(leaks(JSON.stringify(t.rows('SELECT session FROM conversations')))).toEqual([]);
    const tester = ((await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: 'Tere', role: 'tester' } })).json() as { token: string }).token;
    const inbox = await t.app.inject({ url: '/api/conversations?status=ended', headers: t.auth(tester) });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain('Eco: ');
    expect(leaks(inbox.body)).toEqual([]);

    const simulation = await t.app.inject({ method: 'POST', url: '/api/flows/eco/simulations', headers: t.auth(tester), payload: { source: 'draft' } });
    expect(simulation.statusCode).toBeLessThan(300);
    const { simulationId } = simulation.json() as { simulationId: string };
    const turn = await t.app.inject({ method: 'POST', url: `/api/simulations/${simulationId}/messages`, headers: t.auth(tester), payload: { type: 'text', text: { body: 'hola' } } });
    expect(turn.statusCode, turn.body).toBe(200);
    expect(turn.body).toContain('[secret]');
    expect(leaks(simulation.body + turn.body)).toEqual([]);
  });
});
