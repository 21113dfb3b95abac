import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new bearer token: 32 random bytes, prefixed so leaked tokens are easy to recognise. */
export function newTokenSecret(): string {
  return `chr_${randomBytes(32).toString('base64url')}`;
}

/** What the database stores instead of a token. */
export function hashTokenSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares two tokens in constant time (hashing first makes the lengths equal). */
export function sameTokenSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
