import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  /** `http://<host>:<port>` */
  origin: string;
  port: number;
  /**
   * Request targets received so far (path and query): a refused request's unique target never
   * appears. Counting TCP connections instead is flaky: another test worker's client may dial a
   * port it just closed, which the OS may have handed to this server.
   */
  targets(): readonly string[];
  close(): Promise<void>;
}

/** A real HTTP server on a loopback address (127.0.0.1 unless told), for adapter tests. */
export async function startTestServer(
  handler: (request: IncomingMessage, response: ServerResponse, body: string, bytes: Buffer) => void,
  host = '127.0.0.1',
): Promise<TestServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const bytes = Buffer.concat(chunks);
      handler(request, response, bytes.toString('utf8'), bytes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    targets: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
