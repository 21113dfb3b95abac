import type { FastifyServerOptions } from 'fastify';

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

/** The pino options of the app's logger, with redaction. */
export function loggerOptions(
  overrides: { level?: string; stream?: NodeJS.WritableStream } = {},
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: overrides.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(overrides.stream ? { stream: overrides.stream } : {}),
  };
}
