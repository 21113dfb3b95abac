import { apiClient } from './api-client.ts';

function recordingClient(answer: unknown, status = 200) {
  const calls: Array<{ url: string; method: string | undefined; body: unknown }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    return new Response(JSON.stringify(answer), { status });
  }) as unknown as typeof globalThis.fetch;
  return { calls, api: apiClient({ token: () => 'chr_x', fetch }) };
}

describe('api client', () => {
  it('tryApiCall posts the node data and sample variables to the node\'s try route', async () => {
    const trial = { request: { method: 'GET', url: 'https://crm.test/a', headers: {}, timeoutMs: 5000 }, durationMs: 3, outputs: { output: 'success', variables: {}, unset: [] } };
    const { api, calls } = recordingClient(trial);
    const data = { method: 'GET' as const, url: 'https://crm.test/{{id}}' };
    expect(await api.tryApiCall('mi-flujo', 'consultar crm', data, { id: 'a' })).toEqual(trial);
    expect(calls).toEqual([{ url: '/api/flows/mi-flujo/nodes/consultar%20crm/try', method: 'POST', body: { data, variables: { id: 'a' } } }]);
  });

  it('publish turns a 409 draft_unchanged into an ApiError with the server\'s message', async () => {
    const { api } = recordingClient({ code: 'draft_unchanged', message: 'The draft is the same as version 2, which is live', liveVersion: 2 }, 409);
    await expect(api.publish('mi-flujo')).rejects.toMatchObject({ status: 409, code: 'draft_unchanged', details: { liveVersion: 2 } });
  });
});
