import type { TemplateFormat } from '../../schema/template-format.ts';

/** How `{{value | format}}` reads in a flow: its language, the zone of its times, its default currency. */
export interface FormatOptions {
  /** A BCP 47 tag, the flow's `language` (`es-AR`, `pt-BR`). */
  locale: string;
  /** The flow's `settings.timeZone`: instants (timestamps, ISO date-times) are shown in it. */
  timeZone: string;
  /** The flow's `settings.currency`, for `moneda` without a code. */
  currency: string | undefined;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const FIGURES: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const DATE_OPTIONS: Record<Exclude<TemplateFormat, 'number' | 'currency'>, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'long' },
  short_date: FIGURES,
  weekday_date: { dateStyle: 'full' },
  time: { timeStyle: 'short' },
  date_time: { ...FIGURES, hour: '2-digit', minute: '2-digit' },
};

// Building an Intl formatter costs far more than using one; a flow uses a handful.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    if (formatters.size > 500) formatters.clear();
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

/**
 * A moment and the zone to read it in: a calendar date (`2026-08-15`) or a time of day (`14:30`) is
 * the same wherever it is read (UTC), a timestamp or ISO date-time is shown in the flow's zone.
 */
function moment(value: unknown, timeZone: string): { at: number; timeZone: string } | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return { at: value, timeZone };
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const date = CALENDAR_DATE.exec(text);
  if (date) return { at: Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])), timeZone: 'UTC' };
  const time = TIME_OF_DAY.exec(text);
  if (time) return { at: Date.UTC(1970, 0, 1, Number(time[1]), Number(time[2]), Number(time[3] ?? 0)), timeZone: 'UTC' };
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : { at, timeZone };
}

function amount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * `value` written for a customer in the flow's language, or undefined when it is not something the
 * format applies to (the template then shows the value as it is).
 * @example formatValue('2026-08-15', 'date', { locale: 'es', timeZone: 'UTC', currency: undefined }) // '15 de agosto de 2026'
 */
export function formatValue(value: unknown, format: TemplateFormat, options: FormatOptions, argument?: string): string | undefined {
  if (format === 'number' || format === 'currency') {
    const number = amount(value);
    if (number === undefined) return undefined;
    const currency = format === 'currency' ? argument || options.currency : undefined;
    return cached(`n|${options.locale}|${currency ?? ''}`, () => new Intl.NumberFormat(options.locale, currency ? { style: 'currency', currency } : {})).format(number);
  }
  const when = moment(value, options.timeZone);
  if (when === undefined) return undefined;
  return cached(`d|${options.locale}|${format}|${when.timeZone}`, () => new Intl.DateTimeFormat(options.locale, { ...DATE_OPTIONS[format], timeZone: when.timeZone })).format(when.at);
}
