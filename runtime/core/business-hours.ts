import { minutesOfDay, WEEKDAYS, type BusinessHours, type ResolvedSettings, type Weekday } from '../../schema/index.ts';

/** Weekday, date and minute of the day of one instant in one time zone. */
export interface LocalTime {
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
  return hours === undefined || isOpenAt(hours, localTime(at, settings.timeZone));
}

function isOpenAt(hours: BusinessHours, local: LocalTime): boolean {
  if (hours.holidays?.includes(local.date)) return false;
  return (hours.weekly[local.weekday] ?? []).some((interval) =>
    local.minutes >= minutesOfDay(interval.from) && local.minutes < minutesOfDay(interval.to));
}

/** The next time business hours open or close, on the wall clock of the flow's zone. */
export interface HoursChange extends LocalTime {
  /** Whole calendar days from the reading's date: 0 today, 1 tomorrow. */
  daysAhead: number;
}

/** Whether business hours are open at an instant, and when that next changes (none: it never does). */
export interface BusinessHoursStatus {
  open: boolean;
  next?: HoursChange;
}

/** How far ahead a change is looked for: a year of holidays and a week past it. */
const LOOKAHEAD_DAYS = 366 + 7;

/**
 * Whether the flow is open at `at` (the very answer `isWithinBusinessHours` gives) and when it next
 * closes or opens, read in its `timeZone`: what the editor's one-line summary says ("Abierto ahora ·
 * cierra a las 18:00"). Back-to-back intervals and an interval to `24:00` followed by one from `00:00`
 * count as one stretch. Without business hours it is always open and never changes.
 * @example businessHoursStatus({ timeZone: 'UTC', businessHours: { weekly: { monday: [{ from: '09:00', to: '18:00' }] } } }, mondayAtNoon) // { open: true, next: { weekday: 'monday', date: …, minutes: 1080, daysAhead: 0 } }
 */
export function businessHoursStatus(settings: Pick<ResolvedSettings, 'timeZone' | 'businessHours'>, at: number): BusinessHoursStatus {
  const open = isWithinBusinessHours(settings, at);
  const hours = settings.businessHours;
  if (hours === undefined) return { open };
  const now = localTime(at, settings.timeZone);
  const today = Date.parse(`${now.date}T00:00:00Z`);
  const firstWeekday = WEEKDAYS.indexOf(now.weekday);
  for (let daysAhead = 0; daysAhead <= LOOKAHEAD_DAYS; daysAhead++) {
    const weekday = WEEKDAYS[(firstWeekday + daysAhead) % 7]!;
    const date = new Date(today + daysAhead * 86_400_000).toISOString().slice(0, 10);
    // Openness only changes at midnight (a holiday, another weekday) or an interval's bounds.
    const bounds = new Set([0, ...(hours.weekly[weekday] ?? []).flatMap((interval) => [minutesOfDay(interval.from), minutesOfDay(interval.to)])]);
    for (const minutes of [...bounds].filter((bound) => bound < 24 * 60).sort((a, b) => a - b)) {
      if (daysAhead === 0 && minutes <= now.minutes) continue;
      const moment = { weekday, date, minutes };
      if (isOpenAt(hours, moment) !== open) return { open, next: { ...moment, daysAhead } };
    }
  }
  return { open };
}
