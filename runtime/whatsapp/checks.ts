import { OutboundLimitError } from './errors.ts';

/** Characters as WhatsApp counts them (code points, so an emoji is one). */
export function charCount(value: string): number {
  return [...value].length;
}

/** Throws unless `value` has 1..max characters (after trimming, for emptiness). */
export function checkText(field: string, value: string, max: number): string {
  if (value.trim() === '') throw new OutboundLimitError('empty', field);
  const count = charCount(value);
  if (count > max) throw new OutboundLimitError('too_long', field, max, `${count} characters`);
  return value;
}

/** Like checkText, for fields WhatsApp lets us leave out. */
export function checkOptionalText(field: string, value: string | undefined, max: number): string | undefined {
  return value === undefined || value === '' ? undefined : checkText(field, value, max);
}

export function checkCount(field: string, count: number, min: number, max: number): void {
  if (count < min) throw new OutboundLimitError('empty', field);
  if (count > max) throw new OutboundLimitError('too_many', field, max, `${count} items`);
}

/**
 * Throws when two values are the same ignoring case and accents: WhatsApp
 * wants unique titles, and the runtime matches typed answers that way too.
 */
export function checkUnique(field: string, values: string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    const key = value.normalize('NFD').replace(/\p{Mn}/gu, '').trim().toLowerCase();
    if (seen.has(key)) throw new OutboundLimitError('duplicate', field, undefined, `"${value}"`);
    seen.add(key);
  }
}

export function checkHttpUrl(field: string, value: string): string {
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new OutboundLimitError('not_http_url', field, undefined, value);
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new OutboundLimitError('not_http_url', field, undefined, value);
  return value;
}
