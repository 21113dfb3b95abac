import type { NodeData } from '../../schema/index.ts';
import { conversation } from '../testing/conversation.ts';
import { memoryPorts } from '../core/memory-ports.ts';
import { testFlow } from '../testing/test-flow.ts';
import type { HttpResponse } from '../core/types.ts';

const SECRET = 'sk-live-9f8e7d6c5b4a';

const call: NodeData<'api_call'> = {
  method: 'POST',
  url: 'https://api.example/clientes/{{message.text}}?key={{secrets.API_KEY}}',
  headers: [{ name: 'Authorization', value: 'Bearer {{secrets.API_KEY}}' }, { name: 'X-Cliente', value: '{{contact.phone}}' }],
  body: '{"nombre":"{{contact.name}}"}',
  outputs: [
    { variable: 'codigo', path: 'status' },
    { variable: 'saldo', path: 'data.cuentas.0.saldo' },
    { variable: 'cuenta', path: 'data.cuentas.0' },
    { variable: 'falta', path: 'data.no.existe' },
  ],
};

function apiFlow(data: NodeData<'api_call'>) {
  return testFlow(
    [{ id: 'consultar', type: 'api_call', data }, { id: 'ok', type: 'end', data: { text: 'Saldo {{saldo}}' } }, { id: 'error', type: 'end', data: { text: 'Falló' } }],
    [['consultar', 'success', 'ok'], ['consultar', 'error', 'error']],
  );
}

async function run(answer: () => HttpResponse | Promise<HttpResponse>, data = call) {
  const ports = memoryPorts({ http: answer });
  const result = await conversation(apiFlow(data), { ports, secrets: { API_KEY: SECRET } }).send('30123456');
  return { ...result, requests: ports.requests };
}

describe('api_call node', () => {
  it('renders method, url, headers and body with secrets, and the default timeout', async () => {
    const { requests } = await run(() => ({ ok: true, status: 200, json: {}, text: '{}' }));
    expect(requests).toEqual([{
      method: 'POST',
      url: `https://api.example/clientes/30123456?key=${SECRET}`,
      headers: { Authorization: `Bearer ${SECRET}`, 'X-Cliente': '5491155550123' },
      body: '{"nombre":"Ana"}',
      timeoutMs: 5000,
    }]);
  });

  it('caps the timeout at 15 s', async () => {
    const { requests } = await run(() => ({ ok: true, status: 200, json: {}, text: '' }), { ...call, timeoutMs: 60_000 });
    expect(requests[0]?.timeoutMs).toBe(15_000);
  });

  it('maps a 2xx JSON response by dotted path, status included, and takes success', async () => {
    const json = { data: { cuentas: [{ saldo: 1520.75, moneda: 'ARS' }] } };
    const { session, trace, messages } = await run(() => ({ ok: true, status: 201, json, text: JSON.stringify(json) }));
    expect(session.variables).toStrictEqual({ codigo: 201, saldo: 1520.75, cuenta: { saldo: 1520.75, moneda: 'ARS' } });
    expect(trace[0]).toEqual({ nodeId: 'consultar', type: 'api_call', output: 'success', detail: 'POST answered 201' });
    expect(messages).toEqual([{ type: 'text', text: 'Saldo 1520.75' }]);
  });

  it.each<[string, () => HttpResponse | Promise<HttpResponse>, string]>([
    ['a 500', () => ({ ok: true, status: 500, json: { error: 'boom' }, text: '' }), 'POST failed: HTTP 500'],
    ['a 404 reported as not ok', () => ({ ok: false, status: 404, reason: 'not found' }), 'POST failed: not found (HTTP 404)'],
    ['a timeout', () => ({ ok: false, reason: 'timed out after 5000 ms' }), 'POST failed: timed out after 5000 ms'],
    ['a refused address', () => ({ ok: false, reason: 'address 10.0.0.1 is private' }), 'POST failed: address 10.0.0.1 is private'],
    ['a throwing port', () => Promise.reject(new Error('socket hang up')), 'POST failed: socket hang up'],
  ])('takes error on %s with the reason in the trace', async (_label, answer, detail) => {
    const { trace, messages, session } = await run(answer);
    expect(trace[0]).toEqual({ nodeId: 'consultar', type: 'api_call', output: 'error', detail });
    expect(messages).toEqual([{ type: 'text', text: 'Falló' }]);
    expect(session.variables.saldo).toBeUndefined();
  });

  it('keeps the status of a failed call when an output asks for it', async () => {
    const { session } = await run(() => ({ ok: true, status: 503, json: null, text: '' }));
    expect(session.variables).toEqual({ codigo: 503 });
  });

  it('masks a secret that a failure reason repeats', async () => {
    const { trace } = await run(() => ({ ok: false, reason: `connect ECONNREFUSED https://api.example/?key=${SECRET}` }));
    expect(trace[0]?.detail).toBe('POST failed: connect ECONNREFUSED https://api.example/?key=[secret]');
  });
});
