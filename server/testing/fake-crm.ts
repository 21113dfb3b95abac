import { startTestServer, type TestServer } from '../../runtime/adapters/testdata/test-server.ts';

export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

export interface FakeCrm extends TestServer {
  /** Every request that reached the CRM, as sent (secrets included: only the test sees them). */
  seen: SeenRequest[];
}

/**
 * A small CRM on 127.0.0.1 for "try it": `GET /contacts/:phone` answers a contact, `/echo` echoes
 * the request (a server that repeats secrets back), `/echo-encoded` echoes the Authorization header
 * base64-, base64url-, hex- and URL-encoded, `/fail` is a 500, `/hang` never answers.
 */
export async function startFakeCrm(): Promise<FakeCrm> {
  const seen: SeenRequest[] = [];
  const server = await startTestServer((request, response, body) => {
    const url = request.url ?? '/';
    seen.push({ method: request.method ?? '', url, authorization: request.headers.authorization, body });
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'x-crm': 'fake' });
      response.end(JSON.stringify(value));
    };
    if (url.startsWith('/contacts/')) {
      const phone = url.slice('/contacts/'.length).split('?')[0];
      return json(200, { data: { phone, name: 'Ana', tier: 'gold', orders: [{ id: 41 }] } });
    }
    if (url.startsWith('/echo-encoded')) {
      // A server that echoes the Authorization header transformed: masking only the literal value misses these.
      const header = Buffer.from(request.headers.authorization ?? '');
      return json(200, {
        base64: header.toString('base64'), base64url: header.toString('base64url'), hex: header.toString('hex'),
        url: encodeURIComponent(request.headers.authorization ?? ''), nested: { again: header.toString('base64') },
      });
    }
    if (url.startsWith('/echo')) return json(200, { url, authorization: request.headers.authorization, body });
    if (url === '/fail') return json(500, { error: 'database is down' });
    if (url === '/hang') return; // never answers: the trial's timeout ends it
    json(404, { error: 'no such route' });
  });
  return Object.assign(server, { seen });
}
