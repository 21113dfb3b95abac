import { Type, type Static } from '@sinclair/typebox';
import type { ProblemCode, ProblemParams } from './problems.ts';

/** A time of day on a 24-hour clock, `09:00`; `24:00` closes a day at midnight. */
export const TimeOfDay = Type.String({ pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$', description: 'HH:MM, 24-hour clock' });

/** One stretch of a day the business is open: from `from` (included) to `to` (excluded). */
export const OpenInterval = Type.Object({ from: TimeOfDay, to: TimeOfDay }, { additionalProperties: false });
export type OpenInterval = Static<typeof OpenInterval>;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** An ISO calendar date, `2026-12-25`. */
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/**
 * When agents attend, read in the flow's `timeZone`: each weekday's open intervals (a day left out
 * is closed all day) and holidays, closed all day whatever the weekday says.
 */
const DaySchedule = Type.Optional(Type.Array(OpenInterval, { minItems: 1, maxItems: 12 }));

export const BusinessHours = Type.Object({
  weekly: Type.Object({
    monday: DaySchedule, tuesday: DaySchedule, wednesday: DaySchedule, thursday: DaySchedule,
    friday: DaySchedule, saturday: DaySchedule, sunday: DaySchedule,
  }, { additionalProperties: false }),
  holidays: Type.Optional(Type.Array(IsoDate, { maxItems: 366 })),
}, { additionalProperties: false });
export type BusinessHours = Static<typeof BusinessHours>;

/** A time zone name from the IANA database (`America/Argentina/Buenos_Aires`, `UTC`). */
export const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone name' });

/** Whether the JavaScript engine knows `name` as an IANA time zone: the runtime can only compute hours in one it knows. */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Minutes since midnight of a `HH:MM` the schema accepted. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

type SettingsReport = (code: ProblemCode, pointer: string, params?: ProblemParams) => void;

/** The checks of the time settings beyond their schema: a time zone the runtime knows, intervals that open before they close and do not overlap, real dates. */
export function checkTimeSettings(settings: { timeZone?: string; businessHours?: BusinessHours }, report: SettingsReport): void {
  if (settings.timeZone !== undefined && !isKnownTimeZone(settings.timeZone)) {
    report('unknown_time_zone', '/settings/timeZone', { zone: settings.timeZone });
  }
  const hours = settings.businessHours;
  if (!hours) return;
  for (const day of WEEKDAYS) {
    const intervals = hours.weekly[day] ?? [];
    intervals.forEach((interval, index) => {
      const pointer = `/settings/businessHours/weekly/${day}/${index}`;
      if (minutesOfDay(interval.from) >= minutesOfDay(interval.to)) {
        report('hours_interval_empty', pointer, { from: interval.from, to: interval.to });
        return;
      }
      // Reported at the later of the two, so the first stays as written: the one to fix is the one added.
      const earlier = intervals.slice(0, index).find((other) =>
        minutesOfDay(other.from) < minutesOfDay(other.to) && intervalsOverlap(other, interval));
      if (earlier) report('hours_intervals_overlap', pointer, { from: interval.from, to: interval.to, otherFrom: earlier.from, otherTo: earlier.to });
    });
  }
  hours.holidays?.forEach((date, index) => {
    if (!isRealDate(date)) report('holiday_not_a_date', `/settings/businessHours/holidays/${index}`, { date });
  });
}

function intervalsOverlap(a: OpenInterval, b: OpenInterval): boolean {
  return minutesOfDay(a.from) < minutesOfDay(b.to) && minutesOfDay(b.from) < minutesOfDay(a.to);
}

function isRealDate(iso: string): boolean {
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso;
}
