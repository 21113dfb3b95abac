import type { Locale, Translate } from '../../i18n/index.ts';
import type { InboxText } from './messages.ts';

const MINUTE = 60_000;

/**
 * A length of time in the two largest units, in the page's language: "12 min", "1 h 5 min", "2 d 3 h".
 * Under a minute counts as one, so a fresh wait never reads "0 min".
 * @example duration(65 * 60_000, 'es') // '1 h 5 min'
 */
export function duration(ms: number, locale: Locale): string {
  const unit = (value: number, name: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const minutes = Math.max(1, Math.floor(ms / MINUTE));
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return [unit(hours, 'hour'), minutes % 60 > 0 ? unit(minutes % 60, 'minute') : ''].filter(Boolean).join(' ');
  const days = Math.floor(hours / 24);
  return [unit(days, 'day'), hours % 24 > 0 ? unit(hours % 24, 'hour') : ''].filter(Boolean).join(' ');
}

/**
 * When a history message came: the time for today's, the date too for older ones.
 * @example messageTime(at, now, 'en') // '2:05 PM' today, 'Nov 23, 2:05 PM' before
 */
export function messageTime(at: number, now: number, locale: Locale): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/**
 * How long a customer has waited for a person, in the same words as the list's relative times: under a
 * minute it is "just now", as the last message's time says, never "waiting for 1 min" next to "now".
 * @example waitingWords(65 * 60_000, 'es', t) // 'Esperando hace 1 h 5 min'
 */
export function waitingWords(ms: number, locale: Locale, t: Translate<InboxText>): string {
  return ms < MINUTE ? t('waitingJustNow') : t('waiting', { duration: duration(ms, locale) });
}
