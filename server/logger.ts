import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * Log fields that may hold credentials: pino replaces them before a line is written.
 * Request bodies are never logged; these cover headers and any object logged by hand.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-hub-signature-256"]',
  'headers.authorization',
  'headers["x-hub-signature-256"]',
  ...['accessToken', 'appSecret', 'verifyToken', 'token', 'secrets', 'apiKey', 'authorization'].flatMap((key) => [
    key, `*.${key}`, `*.*.${key}`,
  ]),
];

/** Query parameters whose values are credentials: Meta's webhook verification sends `hub.verify_token`. */
const SECRET_QUERY = /token|secret|key|signature|password/i;

/**
 * The request URL for logs, with credential-looking query values replaced.
 * @example urlForLog('/webhooks/whatsapp?hub.verify_token=abc&hub.challenge=1') // '/webhooks/whatsapp?hub.verify_token=[redacted]&hub.challenge=1'
 */
export function urlForLog(url: string): string {
  const query = url.indexOf('?');
  if (query === -1) return url;
  const params = url.slice(query + 1).split('&').map((pair) => {
    const name = pair.split('=', 1)[0]!;
    return SECRET_QUERY.test(name) && pair.includes('=') ? `${name}=[redacted]` : pair;
  });
  return `${url.slice(0, query)}?${params.join('&')}`;
}

/** Fastify's request serializer, with the URL passed through urlForLog. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: urlForLog(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The pino options of the app's logger, with redaction. */
export function loggerOptions(
  overrides: { level?: string; stream?: NodeJS.WritableStream } = {},
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: overrides.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { req: serializeRequest },
    ...(overrides.stream ? { stream: overrides.stream } : {}),
  };
}
