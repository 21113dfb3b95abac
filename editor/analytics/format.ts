import type { Locale } from '../i18n/index.ts';
import { duration } from '../pages/inbox/elapsed.ts';

/** A service time as people read it: seconds under a minute ("2,5 s"), else minutes and hours ("1 h 5 min"). */
export function serviceTime(ms: number, locale: Locale): string {
  if (ms < 60_000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(ms / 1000);
  return duration(ms, locale);
}

export function percent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
