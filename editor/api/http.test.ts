import { ApiError } from './api-error.ts';
import { createHttp } from './http.ts';

function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer();
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

describe('api http', () => {
  it('sends the bearer token and JSON, and parses the answer', async () => {
    const server = fakeFetch(() => new Response(JSON.stringify({ revision: 4 }), { status: 200 }));
    const http = createHttp({ baseUrl: 'http://127.0.0.1:1', token: () => 'chr_abc', fetch: server.fetch });
    expect(await http('PUT', '/api/flows/x', { revision: 3 })).toEqual({ revision: 4 });
    const [call] = server.calls;
    expect(call!.url).toBe('http://127.0.0.1:1/api/flows/x');
    expect(call!.init.headers).toMatchObject({ authorization: 'Bearer chr_abc', 'content-type': 'application/json' });
    expect(call!.init.body).toBe('{"revision":3}');
  });

  it("turns the server's { code, message, ...details } into an ApiError", async () => {
    const server = fakeFetch(() => new Response(JSON.stringify({ code: 'revision_conflict', message: 'The draft is at revision 5', currentRevision: 5 }), { status: 409 }));
    const http = createHttp({ token: () => null, fetch: server.fetch });
    const error = await http('PUT', '/api/flows/x', {}).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'revision_conflict', message: 'The draft is at revision 5', details: { currentRevision: 5 } });
    expect((server.calls[0]!.init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it('says the UI language on every request and words the errors by their code in it', async () => {
    let locale: 'es' | 'pt' | 'en' = 'pt';
    const server = fakeFetch(() => new Response(JSON.stringify({ code: 'invalid_token', message: 'The bearer token is not valid' }), { status: 401 }));
    const http = createHttp({ token: () => 'chr_bad', fetch: server.fetch, locale: () => locale });
    await expect(http('GET', '/api/me')).rejects.toMatchObject({
      code: 'invalid_token', message: 'O token não é válido: verifique se está completo ou peça um novo.', serverMessage: 'The bearer token is not valid',
    });
    locale = 'es';
    await expect(http('PUT', '/api/flows/x', {})).rejects.toMatchObject({ message: 'El token no es válido: revisá que esté completo o pedí uno nuevo.' });
    expect(server.calls.map((call) => (call.init.headers as Record<string, string>)['accept-language'])).toEqual(['pt', 'es']);

    const unknown = createHttp({ token: () => null, locale: () => 'es', fetch: fakeFetch(() => new Response(JSON.stringify({ code: 'brand_new', message: 'Something new' }), { status: 400 })).fetch });
    await expect(unknown('GET', '/api/x')).rejects.toMatchObject({ code: 'brand_new', message: 'Something new' });
    const down = createHttp({ token: () => null, locale: () => 'en', fetch: fakeFetch(() => { throw new TypeError('fetch failed'); }).fetch });
    await expect(down('GET', '/api/flows')).rejects.toMatchObject({ code: 'network_error', message: 'The server could not be reached. Check your connection.' });
  });

  it('names failures that carry no coded answer', async () => {
    const down = createHttp({ token: () => null, fetch: fakeFetch(() => { throw new TypeError('fetch failed'); }).fetch });
    await expect(down('GET', '/api/flows')).rejects.toMatchObject({ status: 0, code: 'network_error' });
    const html = createHttp({ token: () => null, fetch: fakeFetch(() => new Response('<html>', { status: 200 })).fetch });
    await expect(html('GET', '/api/flows')).rejects.toMatchObject({ code: 'bad_response' });
    const proxy = createHttp({ token: () => null, fetch: fakeFetch(() => new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway' })).fetch });
    await expect(proxy('GET', '/api/flows')).rejects.toMatchObject({ status: 502, code: 'http_502', message: 'Bad Gateway' });
  });
});
