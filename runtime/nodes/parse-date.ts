import { normalizeText } from '../core/normalize-text.ts';

const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['enero', 'janeiro', 'january', 'ene', 'jan'],
  ['febrero', 'fevereiro', 'february', 'feb', 'fev'],
  ['marzo', 'marco', 'march', 'mar'],
  ['abril', 'april', 'abr', 'apr'],
  ['mayo', 'maio', 'may', 'mai'],
  ['junio', 'junho', 'june', 'jun'],
  ['julio', 'julho', 'july', 'jul'],
  ['agosto', 'august', 'ago', 'aug'],
  ['septiembre', 'setiembre', 'setembro', 'september', 'sep', 'set', 'sept'],
  ['octubre', 'outubro', 'october', 'oct', 'out'],
  ['noviembre', 'novembro', 'november', 'nov'],
  ['diciembre', 'dezembro', 'december', 'dic', 'dez', 'dec'],
];
const MONTHS = new Map(MONTH_NAMES.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));
const FILLER_WORDS = new Set(['de', 'del', 'of', 'the']);

/** Days from today, by the words for them (accents folded, filler words dropped). */
const DAYS_AHEAD = new Map([
  ['hoy', 0], ['hoje', 0], ['today', 0],
  ['manana', 1], ['amanha', 1], ['tomorrow', 1],
  ['pasado manana', 2], ['depois amanha', 2], ['day after tomorrow', 2],
]);
/** Weekday names, Sunday = 0 as in Date.getUTCDay(); Portuguese also with "-feira". */
const WEEKDAY_NAMES: ReadonlyArray<readonly string[]> = [
  ['domingo', 'sunday'],
  ['lunes', 'segunda', 'monday'],
  ['martes', 'terca', 'tuesday'],
  ['miercoles', 'quarta', 'wednesday'],
  ['jueves', 'quinta', 'thursday'],
  ['viernes', 'sexta', 'friday'],
  ['sabado', 'saturday'],
];
const WEEKDAYS = new Map(WEEKDAY_NAMES.flatMap((names, index) => names.map((name) => [name, index] as const)));
/** Words around a relative day that change nothing: "el próximo lunes", "na segunda-feira", "next monday". */
const RELATIVE_FILLERS = new Set(['el', 'este', 'proximo', 'proxima', 'que', 'viene', 'vem', 'na', 'no', 'feira', 'this', 'next', 'on']);
const DAY_MS = 86_400_000;

/**
 * A date typed by a person as `YYYY-MM-DD`, or undefined. Accepts day-month-year with
 * `/`, `-` or `.` (24/12/2026, 24-12-26), ISO (2026-12-24), month names in Spanish,
 * Portuguese or English (24 de diciembre de 2026), no year (today's), and days said in words:
 * "hoy", "mañana", "pasado mañana", "el lunes" (the next Monday after today), "amanhã",
 * "segunda-feira", "tomorrow", "next friday". `today` is the business's calendar date, an input:
 * the parser never reads a clock. Two-digit years more than 20 years ahead are read as last century (23/04/85 → 1985).
 * @example parseTypedDate('24 de dezembro de 2026', '2026-08-01') // '2026-12-24'
 * @example parseTypedDate('el lunes', '2026-08-13') // '2026-08-17'
 */
export function parseTypedDate(text: string, today: string): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(trimmed);
  if (iso) return formatDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(trimmed);
  if (numeric) {
    let [day, month] = [Number(numeric[1]), Number(numeric[2])];
    // 12/24/2026 can only be month first.
    if (month > 12 && day <= 12) [day, month] = [month, day];
    return formatDate(fullYear(numeric[3], today), month, day);
  }
  return parseRelative(trimmed, today) ?? parseWords(trimmed, today);
}

function parseRelative(text: string, today: string): string | undefined {
  const words = normalizeText(text).split(' ').filter((word) => !FILLER_WORDS.has(word) && !RELATIVE_FILLERS.has(word));
  const phrase = words.join(' ');
  const start = Date.parse(`${today}T00:00:00Z`);
  const ahead = DAYS_AHEAD.get(phrase);
  if (ahead !== undefined) return new Date(start + ahead * DAY_MS).toISOString().slice(0, 10);
  const weekday = WEEKDAYS.get(phrase);
  if (weekday === undefined) return undefined;
  const days = ((weekday - new Date(start).getUTCDay() + 6) % 7) + 1;
  return new Date(start + days * DAY_MS).toISOString().slice(0, 10);
}

function parseWords(text: string, today: string): string | undefined {
  const words = normalizeText(text).split(' ').filter((word) => !FILLER_WORDS.has(word));
  const months = words.filter((word) => MONTHS.has(word));
  const numbers = words.filter((word) => /^\d{1,4}$/.test(word));
  if (months.length !== 1 || numbers.length < 1 || numbers.length > 2 || months.length + numbers.length !== words.length) {
    return undefined;
  }
  const day = numbers.find((word) => word.length <= 2);
  const year = numbers.find((word) => word !== day);
  if (day === undefined) return undefined;
  return formatDate(fullYear(year, today), MONTHS.get(months[0]!)!, Number(day));
}

function fullYear(year: string | undefined, today: string): number {
  const current = Number(today.slice(0, 4));
  if (year === undefined) return current;
  if (year.length === 4) return Number(year);
  const candidate = 2000 + Number(year);
  return candidate > current + 20 ? candidate - 100 : candidate;
}

function formatDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The calendar date at `now` in `timeZone`, `YYYY-MM-DD`: what "today" is for the business.
 * @example localDate(Date.UTC(2026, 7, 15, 2), 'America/Argentina/Buenos_Aires') // '2026-08-14'
 */
export function localDate(now: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((found) => found.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
