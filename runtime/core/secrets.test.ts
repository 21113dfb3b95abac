import { conversation } from '../testing/conversation.ts';
import { memoryPorts } from './memory-ports.ts';
import { testFlow } from '../testing/test-flow.ts';
import type { HttpRequest } from './types.ts';

const SECRET = 'tok_4f9a1c77e2b04d0e';

/** A flow that tries to put {{secrets.API}} everywhere: only the API request may carry it. */
const flow = testFlow([
  { id: 'saludo', type: 'message', data: { text: 'Clave: {{secrets.API}}', media: { kind: 'image', url: 'https://cdn.example/a.jpg', caption: '{{secrets.API}}' } } },
  { id: 'guardar', type: 'set', data: { assignments: [{ variable: 'copia', value: '{{secrets.API}}' }, { variable: 'texto', value: 'x{{secrets.API}}' }] } },
  { id: 'consultar', type: 'api_call', data: {
    method: 'POST',
    url: 'https://api.example/v1?key={{secrets.API}}',
    headers: [{ name: 'Authorization', value: 'Bearer {{secrets.API}}' }],
    body: '{"key":"{{secrets.API}}"}',
    outputs: [{ variable: 'eco', path: 'echo' }, { variable: 'codigo', path: 'status' }],
  } },
  { id: 'revisar', type: 'condition', data: { branches: [{ id: 'tiene', match: 'all', rules: [{ left: '{{secrets.API}}', op: 'is_not_empty' }] }] } },
  { id: 'menu', type: 'menu', data: { text: 'Elegí {{secrets.API}}', header: '{{secrets.API}}', options: [{ id: 'a', title: 'A' }], invalidText: 'No {{secrets.API}}' } },
  { id: 'persona', type: 'handoff', data: { text: '{{secrets.API}}', note: 'nota {{secrets.API}}' } },
], [['saludo', 'next', 'guardar'], ['guardar', 'next', 'consultar'], ['consultar', 'error', 'revisar'], ['revisar', 'else', 'menu'], ['menu', 'invalid', 'persona']]);

describe('secrets', () => {
  it('reach the API request and nothing in any turn result', async () => {
    const requests: HttpRequest[] = [];
    const ports = memoryPorts({
      http: (request) => {
        requests.push(request);
        // A failing API that repeats the request in its reason, as some error messages do.
        return { ok: false, status: 401, reason: `rejected ${request.url} with ${request.headers.Authorization}` };
      },
    });
    const chat = conversation(flow, { ports, secrets: { API: SECRET } });
    const results = [await chat.send('hola'), await chat.send('nada'), await chat.send('tampoco'), await chat.send('otra')];
    expect(requests[0]).toMatchObject({
      url: `https://api.example/v1?key=${SECRET}`,
      headers: { Authorization: `Bearer ${SECRET}` },
      body: `{"key":"${SECRET}"}`,
    });
    const serialized = JSON.stringify(results);
    expect(serialized).not.toContain(SECRET);
    expect(serialized).toContain('[secret]');
    expect(results[0]!.messages[0]).toEqual({ type: 'text', text: 'Clave: ' });
    expect(results.at(-1)!.session.variables).toEqual({ copia: '', texto: 'x', codigo: 401 });
    expect(results[0]!.trace.find((entry) => entry.nodeId === 'revisar')?.output).toBe('else');
  });
});
