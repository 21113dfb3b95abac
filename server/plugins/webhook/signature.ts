import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` against the HMAC-SHA256 of the raw bytes, in constant time.
 * Hash the bytes as received: re-serialised JSON would not match (Meta escapes non-ASCII).
 * @example hasValidSignature(rawBody, request.headers['x-hub-signature-256'], appSecret) // true | false
 */
export function hasValidSignature(raw: Buffer, header: string | string[] | undefined, secret: string): boolean {
  const given = typeof header === 'string' ? HEADER.exec(header.trim())?.[1] : undefined;
  if (given === undefined) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/** The header value for a body (tests, the benchmark, the fake Meta side). */
export function signatureHeader(raw: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}
