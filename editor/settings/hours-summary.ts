import { businessHoursStatus } from '../../runtime/core/business-hours.ts';
import { isKnownTimeZone, type ResolvedSettings } from '../../schema/index.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { hoursMessages } from './hours-messages.ts';

/** `9:00`, `18:30`: minutes of the day on a 24-hour clock, as people say them. */
export const clockTime = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The one line the settings panel shows about business hours at `at`: open or closed, and when that
 * changes ("Abierto ahora · cierra a las 18:00", "Cerrado · abre el lunes a las 9:00"), read from
 * `businessHoursStatus`, which answers exactly as the runtime's `within_business_hours` condition.
 */
export function hoursSummary(settings: Pick<ResolvedSettings, 'timeZone' | 'businessHours'>, at: number, locale: Locale, t: Translate<(typeof hoursMessages)['es']>): string {
  if (!isKnownTimeZone(settings.timeZone)) return t('summaryUnknownZone');
  const { open, next } = businessHoursStatus(settings, at);
  if (next === undefined) return t(open ? 'openNoClose' : 'closedNeverOpens');
  const time = clockTime(next.minutes);
  if (next.daysAhead === 0) return t(open ? 'openClosesToday' : 'closedOpensToday', { time });
  if (next.daysAhead === 1) return t(open ? 'openClosesTomorrow' : 'closedOpensTomorrow', { time });
  // Within the week the weekday says it; further off (holidays in the way) the date does too.
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC', weekday: 'long', ...(next.daysAhead > 6 && { day: 'numeric', month: 'long' }),
  }).format(Date.parse(`${next.date}T12:00:00Z`));
  return t(open ? 'openClosesOn' : 'closedOpensOn', { day, time });
}
