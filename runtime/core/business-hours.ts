import { minutesOfDay, type ResolvedSettings, type Weekday } from '../../schema/index.ts';

/** Weekday, date and minute of the day of one instant in one time zone. */
interface LocalTime {
  weekday: Weekday;
  /** `2026-12-25` */
  date: string;
  minutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', weekday: 'long', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * The wall-clock reading of `at` (ms since the epoch) in `timeZone`, from the engine's IANA data.
 * @example localTime(Date.UTC(2026, 11, 25, 13, 30), 'America/Argentina/Buenos_Aires') // { weekday: 'friday', date: '2026-12-25', minutes: 630 }
 */
export function localTime(at: number, timeZone: string): LocalTime {
  const parts = Object.fromEntries(formatIn(timeZone).formatToParts(at).map((part) => [part.type, part.value]));
  return {
    weekday: parts.weekday!.toLowerCase() as Weekday,
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * Whether `at` falls in the flow's business hours, read in its `timeZone`: not a holiday, and inside
 * one of the weekday's open intervals (`from` included, `to` excluded). A flow without business
 * hours is always open.
 * @example isWithinBusinessHours({ ...settings, businessHours: { weekly: { monday: [{ from: '09:00', to: '18:00' }] } } }, mondayAtNoon) // true
 */
export function isWithinBusinessHours(settings: Pick<ResolvedSettings, 'timeZone' | 'businessHours'>, at: number): boolean {
  const hours = settings.businessHours;
  if (hours === undefined) return true;
  const local = localTime(at, settings.timeZone);
  if (hours.holidays?.includes(local.date)) return false;
  return (hours.weekly[local.weekday] ?? []).some((interval) =>
    local.minutes >= minutesOfDay(interval.from) && local.minutes < minutesOfDay(interval.to));
}
