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

/**
 * A date typed by a person as `YYYY-MM-DD`, or undefined. Accepts day-month-year with
 * `/`, `-` or `.` (24/12/2026, 24-12-26), ISO (2026-12-24), month names in Spanish,
 * Portuguese or English (24 de diciembre de 2026), and no year (the current one, from `now`).
 * Two-digit years more than 20 years ahead are read as last century (23/04/85 → 1985).
 * @example parseTypedDate('24 de dezembro de 2026', 0) // '2026-12-24'
 */
export function parseTypedDate(text: string, now: number): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(trimmed);
  if (iso) return formatDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(trimmed);
  if (numeric) {
    let [day, month] = [Number(numeric[1]), Number(numeric[2])];
    // 12/24/2026 can only be month first.
    if (month > 12 && day <= 12) [day, month] = [month, day];
    return formatDate(fullYear(numeric[3], now), month, day);
  }
  return parseWords(trimmed, now);
}

function parseWords(text: string, now: number): string | undefined {
  const words = normalizeText(text).split(' ').filter((word) => !FILLER_WORDS.has(word));
  const months = words.filter((word) => MONTHS.has(word));
  const numbers = words.filter((word) => /^\d{1,4}$/.test(word));
  if (months.length !== 1 || numbers.length < 1 || numbers.length > 2 || months.length + numbers.length !== words.length) {
    return undefined;
  }
  const day = numbers.find((word) => word.length <= 2);
  const year = numbers.find((word) => word !== day);
  if (day === undefined) return undefined;
  return formatDate(fullYear(year, now), MONTHS.get(months[0]!)!, Number(day));
}

function fullYear(year: string | undefined, now: number): number {
  const current = new Date(now).getUTCFullYear();
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
