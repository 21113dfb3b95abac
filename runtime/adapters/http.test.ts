import type { LookupAddress } from 'node:dns';
import type { HttpRequest } from '../core/types.ts';
import { blockedAddressReason } from './address-policy.ts';
import { createHttpPort, effectiveTimeoutMs } from './http.ts';
import { startTestServer, type TestServer } from './testdata/test-server.ts';

const get = (url: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({ method: 'GET', url, headers: {}, timeoutMs: 5000, ...extra });

/** A resolver that knows only the test's names: no real DNS. Records what it was asked. */
function fakeResolver(names: Record<string, string>) {
  const asked: string[] = [];
  const resolver = async (hostname: string): Promise<LookupAddress[]> => {
    asked.push(hostname);
    const address = names[hostname];
    if (address === undefined) throw Object.assign(new Error(`unknown host ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
  return { resolver, asked };
}

let api: TestServer;
let other: TestServer;

beforeAll(async () => {
  other = await startTestServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ authorization: request.headers.authorization ?? null }));
  });
  api = await startTestServer((request, response, body) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const hops = Number(url.searchParams.get('hops') ?? 0);
    switch (url.pathname) {
      case '/precio':
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ precio: 12500, items: [{ id: 'muzza' }] }));
        return;
      case '/echo':
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ method: request.method, body, auth: request.headers.authorization ?? null }));
        return;
      case '/texto':
        response.end('hola, no soy JSON');
        return;
      case '/falta':
        response.statusCode = 404;
        response.end('{"error":"no existe"}');
        return;
      case '/salto':
        response.statusCode = 302;
        response.setHeader('location', hops > 1 ? `/salto?hops=${hops - 1}` : '/precio');
        response.end();
        return;
      case '/ver-otra':
        response.statusCode = 307;
        response.setHeader('location', `${other.origin}/`);
        response.end();
        return;
      case '/post-303':
        response.statusCode = 303;
        response.setHeader('location', '/echo');
        response.end();
        return;
      case '/a':
        response.statusCode = 302;
        response.setHeader('location', url.searchParams.get('to') ?? '/');
        response.end();
        return;
      case '/grande':
        // Chunked, no content-length: the cap must count bytes as they come.
        for (let i = 0; i < 40; i++) response.write('x'.repeat(64 * 1024));
        response.end();
        return;
      case '/grande-declarado':
        response.setHeader('content-length', String(2 * 1024 * 1024));
        response.write('x');
        return;
      case '/cuelga':
        return; // never answers
      default:
        response.statusCode = 500;
        response.end();
    }
  });
});

afterAll(async () => {
  await api.close();
  await other.close();
});

describe('http port, private addresses allowed (happy paths on 127.0.0.1)', () => {
  const http = createHttpPort({ allowPrivate: true });

  it('parses a JSON answer', async () => {
    expect(await http(get(`${api.origin}/precio`))).toEqual({
      ok: true, status: 200, json: { precio: 12500, items: [{ id: 'muzza' }] }, text: '{"precio":12500,"items":[{"id":"muzza"}]}',
      headers: expect.objectContaining({ 'content-type': expect.stringContaining('json') }),
    });
  });

  it('sends method, headers and body', async () => {
    const response = await http({ method: 'POST', url: `${api.origin}/echo`, headers: { authorization: 'Bearer s3', 'content-type': 'application/json' }, body: '{"a":1}', timeoutMs: 5000 });
    expect(response).toMatchObject({ ok: true, json: { method: 'POST', body: '{"a":1}', auth: 'Bearer s3' } });
  });

  it('keeps a non-JSON answer as text', async () => {
    expect(await http(get(`${api.origin}/texto`))).toEqual({ ok: true, status: 200, json: undefined, text: 'hola, no soy JSON', headers: expect.any(Object) });
  });

  it('reports a non-2xx status as a failure with the status, keeping what the server said', async () => {
    expect(await http(get(`${api.origin}/falta`))).toEqual({
      ok: false, status: 404, reason: 'http_status: the server answered with a non-2xx status', text: expect.any(String), headers: expect.any(Object),
    });
  });

  it('follows up to 3 redirects', async () => {
    expect(await http(get(`${api.origin}/salto?hops=3`))).toMatchObject({ ok: true, json: { precio: 12500 } });
  });

  it('refuses a 4th redirect', async () => {
    expect(await http(get(`${api.origin}/salto?hops=4`))).toEqual({ ok: false, status: 302, reason: 'too_many_redirects: more than 3' });
  });

  it('turns a POST into a GET on 303', async () => {
    const response = await http({ method: 'POST', url: `${api.origin}/post-303`, headers: {}, body: 'x', timeoutMs: 5000 });
    expect(response).toMatchObject({ ok: true, json: { method: 'GET', body: '' } });
  });

  it('drops credentials when a redirect leaves the origin', async () => {
    const response = await http(get(`${api.origin}/ver-otra`, { headers: { Authorization: 'Bearer secreto' } }));
    expect(response).toMatchObject({ ok: true, json: { authorization: null } });
  });

  it('gives up after the timeout', async () => {
    expect(await http(get(`${api.origin}/cuelga`, { timeoutMs: 200 }))).toEqual({ ok: false, reason: 'timeout: 200 ms' });
  });

  it.each([[60_000, 15_000], [15_000, 15_000], [0, 5_000], [Number.NaN, 5_000], [250, 250]])('uses a timeout of %d ms as %d ms', (requested, used) => {
    expect(effectiveTimeoutMs(requested)).toBe(used);
  });

  it('refuses an answer over 1 MB, streamed or declared', async () => {
    expect(await http(get(`${api.origin}/grande`))).toEqual({ ok: false, status: 200, reason: 'too_large: more than 1048576 bytes' });
    expect(await http(get(`${api.origin}/grande-declarado`))).toEqual({
      ok: false, status: 200, reason: 'too_large: 2097152 bytes declared, at most 1048576',
    });
  });

  it.each<Record<string, string>>([{ 'bad header': 'x' }, { 'x-a': 'line\nbreak' }])('reports invalid headers %j as a failure, never a throw', async (headers) => {
    expect(await http(get(`${api.origin}/precio`, { headers }))).toEqual({ ok: false, reason: 'bad_request: the request could not be sent (invalid headers or body)' });
  });

  it.each([
    ['ftp://example.test/a', 'not_http: ftp:'],
    ['file:///etc/passwd', 'not_http: file:'],
    ['no es una url', 'bad_url: the URL is not valid'],
  ])('refuses %s', async (url, reason) => {
    expect(await http(get(url))).toEqual({ ok: false, reason });
  });
});

describe('http port, private addresses refused', () => {
  it.each([
    ['127.0.0.1', (s: TestServer) => `${s.origin}/precio?probe=literal-v4`, 'refused_address: 127.0.0.1 (loopback)'],
    ['[::1]', (s: TestServer) => `http://[::1]:${s.port}/precio?probe=literal-v6`, 'refused_address: ::1 (loopback)'],
    ['IPv4-mapped IPv6', (s: TestServer) => `http://[::ffff:127.0.0.1]:${s.port}/precio?probe=mapped`, 'refused_address: ::ffff:7f00:1 (loopback)'],
    ['decimal 127.0.0.1', (s: TestServer) => `http://2130706433:${s.port}/precio?probe=decimal`, 'refused_address: 127.0.0.1 (loopback)'],
    ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/', 'refused_address: 169.254.169.254 (linkLocal)'],
    ['10.0.0.1', () => 'http://10.0.0.1/api', 'refused_address: 10.0.0.1 (private)'],
  ])('refuses the literal %s before connecting', async (_name, url, reason) => {
    const { resolver, asked } = fakeResolver({});
    const http = createHttpPort({ allowPrivate: false, resolver });
    expect(await http(get(url(api)))).toEqual({ ok: false, reason });
    expect(api.targets().filter((target) => target.includes('probe='))).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('refuses localhost after resolving it (system DNS), without connecting', async () => {
    const http = createHttpPort({ allowPrivate: false });
    const response = await http(get(`http://localhost:${api.port}/precio?probe=localhost`));
    expect(response).toMatchObject({ ok: false, reason: expect.stringMatching(/^refused_address: (127\.0\.0\.1|::1) \(loopback\)$/) });
    expect(api.targets()).not.toContain('/precio?probe=localhost');
  });

  it.each([
    ['a loopback address', '127.0.0.1', 'refused_address: 127.0.0.1 (loopback)'],
    ['a private address', '10.0.0.1', 'refused_address: 10.0.0.1 (private)'],
    ['the metadata address', '169.254.169.254', 'refused_address: 169.254.169.254 (linkLocal)'],
    ['a unique-local IPv6 address', 'fd00::1', 'refused_address: fd00::1 (uniqueLocal)'],
  ])('refuses a host name that resolves to %s, at lookup time', async (_name, address, reason) => {
    const { resolver, asked } = fakeResolver({ 'api.intranet.test': address });
    const http = createHttpPort({ allowPrivate: false, resolver });
    expect(await http(get(`http://api.intranet.test:${api.port}/precio?probe=intranet`))).toEqual({ ok: false, reason });
    expect(asked).toEqual(['api.intranet.test']);
    expect(api.targets()).not.toContain('/precio?probe=intranet');
  });

  it('reports an unknown host as a DNS failure', async () => {
    const { resolver } = fakeResolver({});
    expect(await createHttpPort({ allowPrivate: false, resolver })(get('http://nadie.test/'))).toEqual({ ok: false, reason: 'dns: the host name could not be resolved' });
  });

  it('checks the address on every connection, so a DNS answer that changes (rebinding) is caught', async () => {
    const answers = ['127.0.0.1', '10.0.0.1'];
    const resolver = async (): Promise<LookupAddress[]> => [{ address: answers.shift() ?? '10.0.0.1', family: 4 }];
    const addressPolicy = (address: string) => (address === '127.0.0.1' ? undefined : blockedAddressReason(address));
    const http = createHttpPort({ allowPrivate: false, resolver, addressPolicy });
    // The server closes each connection, so the second request must connect (and resolve) again.
    const close = { headers: { connection: 'close' } };
    expect(await http(get(`http://rebind.test:${api.port}/precio`, close))).toMatchObject({ ok: true });
    expect(await http(get(`http://rebind.test:${api.port}/precio`, close))).toEqual({ ok: false, reason: 'refused_address: 10.0.0.1 (private)' });
  });

  describe('on redirects (127.0.0.1 standing in for a public address)', () => {
    // Everything but 127.0.0.1 follows the real policy, so the first hop may connect.
    const addressPolicy = (address: string) => (address === '127.0.0.1' ? undefined : blockedAddressReason(address));
    const { resolver } = fakeResolver({ 'api.test': '127.0.0.1', 'metadata.test': '169.254.169.254', 'local.test': '::1' });
    const http = createHttpPort({ allowPrivate: false, resolver, addressPolicy });

    it('reaches the stand-in public host', async () => {
      expect(await http(get(`http://api.test:${api.port}/precio`))).toMatchObject({ ok: true, status: 200 });
    });

    it.each([
      ['a loopback literal', (port: number) => `http://127.0.0.2:${port}/`, 'refused_address: 127.0.0.2 (loopback)'],
      ['an IPv6 loopback literal', (port: number) => `http://[::1]:${port}/`, 'refused_address: ::1 (loopback)'],
      ['a name resolving to the metadata address', () => 'http://metadata.test/latest/meta-data/', 'refused_address: 169.254.169.254 (linkLocal)'],
      ['a name resolving to ::1', (port: number) => `http://local.test:${port}/`, 'refused_address: ::1 (loopback)'],
    ])('refuses a redirect to %s', async (_name, target, reason) => {
      const to = encodeURIComponent(target(api.port));
      expect(await http(get(`http://api.test:${api.port}/a?to=${to}`))).toEqual({ ok: false, reason });
    });
  });
});
