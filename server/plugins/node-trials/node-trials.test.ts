import { Writable } from 'node:stream';
import type { NodeData } from '../../../schema/index.ts';
import { testFlow } from '../../../runtime/testing/test-flow.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { startFakeCrm, type FakeCrm } from '../../testing/fake-crm.ts';

const SECRET = 'crm-s3cr3t-token-9f8e';
let crm: FakeCrm;
let t: TestApp;
let logs: string;

beforeAll(async () => { crm = await startFakeCrm(); });
afterAll(() => crm.close());
afterEach(() => t.close());

/** A test app with a flow "prueba" whose start node is an api_call to the fake CRM. */
async function start(env: Record<string, string> = { CHARLA_ALLOW_PRIVATE_HTTP: '1' }, data: Partial<NodeData<'api_call'>> = {}) {
  logs = '';
  const stream = new Writable({ write(chunk, _encoding, done) { logs += String(chunk); done(); } });
  t = await createTestApp({ CHARLA_SECRET_CRM_TOKEN: SECRET, ...env }, { logger: { level: 'info', stream } });
  const flow = testFlow([
    { id: 'consultar', type: 'api_call', data: { method: 'GET', url: `${crm.origin}/contacts/{{telefono}}`, outputs: [{ variable: 'nivel', path: 'data.tier' }, { variable: 'codigo', path: 'status' }], ...data } },
    { id: 'ok', type: 'end', data: { text: 'Nivel {{nivel}}' } },
    { id: 'error', type: 'end', data: { text: 'Falló' } },
  ], [['consultar', 'success', 'ok'], ['consultar', 'error', 'error']]);
  const created = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: flow });
  expect(created.statusCode).toBe(201);
}

function tryNode(body: unknown = {}, options: { nodeId?: string; flowId?: string; token?: string } = {}) {
  return t.app.inject({
    method: 'POST', url: `/api/flows/${options.flowId ?? 'prueba'}/nodes/${options.nodeId ?? 'consultar'}/try`,
    headers: t.auth(options.token), payload: body as object,
  });
}

describe('POST /api/flows/:id/nodes/:nodeId/try', () => {
  it('sends the stored node with the given variables and reports request, response, duration and outputs', async () => {
    await start();
    const response = await tryNode({ variables: { telefono: '5491155550000' } });
    expect(response.statusCode).toBe(200);
    const trial = response.json();
    expect(trial.request).toEqual({ method: 'GET', url: `${crm.origin}/contacts/5491155550000`, headers: {}, timeoutMs: 5000 });
    expect(trial.response).toMatchObject({ status: 200, headers: { 'x-crm': 'fake' }, body: { data: { name: 'Ana', tier: 'gold' } }, truncated: false });
    expect(trial.durationMs).toBeGreaterThanOrEqual(0);
    expect(trial.outputs).toEqual({ output: 'success', variables: { nivel: 'gold', codigo: 200 }, unset: [] });
    expect(trial.error).toBeUndefined();
  });

  it('tries unsaved inspector data rather than the stored node', async () => {
    await start();
    const data = { method: 'POST', url: `${crm.origin}/echo`, body: '{"tel":"{{telefono}}"}', outputs: [{ variable: 'falta', path: 'no.existe' }] };
    const trial = (await tryNode({ data, variables: { telefono: '123' } })).json();
    expect(trial.request).toMatchObject({ method: 'POST', url: `${crm.origin}/echo`, body: '{"tel":"123"}' });
    expect(trial.response.body).toMatchObject({ body: '{"tel":"123"}' });
    expect(trial.outputs).toEqual({ output: 'success', variables: {}, unset: ['falta'] });
    // Nothing was saved: the draft still holds the GET.
    const draft = (await t.app.inject({ method: 'GET', url: '/api/flows/prueba', headers: t.auth() })).json();
    expect(draft.document.nodes[0].data.method).toBe('GET');
  });

  it('reports a 500 as the response, taking the error output and storing only the status', async () => {
    await start(undefined, { url: `${crm.origin}/fail` });
    const trial = (await tryNode()).json();
    expect(trial.response).toMatchObject({ status: 500, body: { error: 'database is down' } });
    expect(trial.outputs).toEqual({ output: 'error', variables: { codigo: 500 }, unset: [] });
    expect(trial.error).toBeUndefined();
  });

  it("ends a call that does not answer at the node's timeout, as a 200 with error.code timeout", async () => {
    await start(undefined, { url: `${crm.origin}/hang`, timeoutMs: 200 });
    const response = await tryNode();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ error: { code: 'timeout', message: 'timeout: 200 ms' }, outputs: { output: 'error', variables: {} } });
    expect(response.json().response).toBeUndefined();
  });

  it('refuses a private address through the live guard unless CHARLA_ALLOW_PRIVATE_HTTP=1', async () => {
    // A CRM of its own, so no other test's request can land on it. (Not a connection count: another
    // test file may still be dialling a closed port that this server now holds.)
    const untouched = await startFakeCrm();
    try {
      await start({}, { url: `${untouched.origin}/contacts/{{telefono}}` });
      const trial = (await tryNode({ variables: { telefono: '1' } })).json();
      expect(trial.error).toEqual({ code: 'refused_address', message: 'refused_address: 127.0.0.1 (loopback)' });
      expect(trial.outputs.output).toBe('error');
      expect(untouched.seen.filter((request) => request.url.startsWith('/contacts/'))).toEqual([]);
    } finally {
      await untouched.close();
    }
  });

  it('never returns or logs a secret: masked in the echoed URL, headers and body, and in what the server echoed', async () => {
    await start(undefined, {
      method: 'POST', url: `${crm.origin}/echo?key={{secrets.CRM_TOKEN}}`,
      headers: [{ name: 'Authorization', value: 'Bearer {{secrets.CRM_TOKEN}}' }],
      body: '{"token":"{{secrets.CRM_TOKEN}}","eco":"{{eco}}"}',
      outputs: [{ variable: 'auth', path: 'authorization' }],
    });
    // A variable holding the secret's value is masked too.
    const response = await tryNode({ variables: { eco: SECRET } });
    expect(response.statusCode).toBe(200);
    expect(crm.seen.find((request) => request.url.startsWith('/echo?key='))).toMatchObject({ authorization: `Bearer ${SECRET}`, url: `/echo?key=${SECRET}` });
    expect(response.body).not.toContain(SECRET);
    expect(logs).toContain('api call tried');
    expect(logs).not.toContain(SECRET);
    const trial = response.json();
    expect(trial.request).toMatchObject({
      url: `${crm.origin}/echo?key=••••`, headers: { Authorization: 'Bearer ••••' }, body: '{"token":"••••","eco":"••••"}',
    });
    expect(trial.response.body).toMatchObject({ authorization: 'Bearer ••••', url: '/echo?key=••••' });
    expect(trial.outputs.variables).toEqual({ auth: 'Bearer ••••' });
  });

  it('masks a secret the server echoes base64-, base64url-, hex- or URL-encoded, in the response and the variables', async () => {
    await start(undefined, {
      method: 'GET', url: `${crm.origin}/echo-encoded`, headers: [{ name: 'Authorization', value: 'Bearer {{secrets.CRM_TOKEN}}' }],
      outputs: [{ variable: 'b64', path: 'base64' }, { variable: 'hex', path: 'hex' }, { variable: 'todo', path: 'nested' }],
    });
    const response = await tryNode();
    expect(response.statusCode).toBe(200);
    const header = Buffer.from(`Bearer ${SECRET}`);
    for (const form of [SECRET, header.toString('base64'), header.toString('base64url'), header.toString('hex'), encodeURIComponent(`Bearer ${SECRET}`)]) {
      expect(response.body).not.toContain(form);
    }
    const trial = response.json();
    expect(trial.response.body.base64).toContain('••••');
    expect(trial.outputs.variables.hex).toBe(`${Buffer.from('Bearer ').toString('hex')}••••`);
  });

  it('lets analysts and admins try, not testers (403)', async () => {
    await start();
    const token = async (role: string) =>
      (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth(), payload: { name: role, role } })).json().token as string;
    expect((await tryNode({}, { token: await token('tester') })).statusCode).toBe(403);
    expect((await tryNode({ variables: { telefono: '1' } }, { token: await token('analyst') })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/flows/prueba/nodes/consultar/try', payload: {} })).statusCode).toBe(401);
  });

  it('answers 404 for an unknown flow or node', async () => {
    await start();
    expect((await tryNode({}, { flowId: 'nadie' })).json()).toMatchObject({ code: 'flow_not_found' });
    const missing = await tryNode({}, { nodeId: 'nadie' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'node_not_found', message: 'Flow "prueba" has no node "nadie"' });
  });

  it('answers 422 for a node of another kind, and for data that breaks the api_call schema, naming the field', async () => {
    await start();
    const wrongKind = await tryNode({}, { nodeId: 'ok' });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json()).toMatchObject({ code: 'node_not_api_call', type: 'end' });
    const invalid = await tryNode({ data: { method: 'FETCH', url: `${crm.origin}/contacts/invalid`, timeoutMs: 99_000 } });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().code).toBe('node_data_invalid');
    const pointers = invalid.json().problems.map((problem: { pointer: string }) => problem.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/nodes/0/data/method', '/nodes/0/data/timeoutMs']));
    expect(invalid.json().problems.every((problem: { nodeId: string }) => problem.nodeId === 'consultar')).toBe(true);
    expect(crm.seen.filter((request) => request.url === '/contacts/invalid')).toEqual([]);
  });

  it('refuses unknown body fields with a 400', async () => {
    await start();
    expect((await tryNode({ datos: {} })).statusCode).toBe(400);
  });
});
