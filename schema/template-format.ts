/**
 * Formats in templates: `{{fecha | fecha}}`, `{{total | moneda}}`, `{{total | moneda:USD}}`. A
 * placeholder is a dotted path, optionally a `|`, a format name from this fixed catalogue and an
 * argument after `:`. Nothing in it is ever evaluated: an unknown name is a problem at the field.
 * Names exist in Spanish, Portuguese and English (accents optional: `número`); each means one kind.
 */
export const TEMPLATE_FORMATS = {
  /** A calendar date in words: "15 de agosto de 2026". */
  date: { es: 'fecha', pt: 'data', en: 'date' },
  /** A calendar date in figures: "15/08/2026". */
  short_date: { es: 'fecha_corta', pt: 'data_curta', en: 'short_date' },
  /** The weekday and date: "sábado, 15 de agosto de 2026". */
  weekday_date: { es: 'dia_fecha', pt: 'dia_data', en: 'weekday_date' },
  /** A time of day: "14:30". */
  time: { es: 'hora', pt: 'hora', en: 'time' },
  /** A date and time: "15/08/2026, 14:30". */
  date_time: { es: 'fecha_hora', pt: 'data_hora', en: 'date_time' },
  /** A number with the language's separators: "1.234,5". */
  number: { es: 'numero', pt: 'numero', en: 'number' },
  /** An amount of money: "$ 1.234,50"; the currency comes after `:` or from the flow's `settings.currency`. */
  currency: { es: 'moneda', pt: 'moeda', en: 'currency' },
} as const satisfies Record<string, Record<'es' | 'pt' | 'en', string>>;

export type TemplateFormat = keyof typeof TEMPLATE_FORMATS;

const FORMAT_BY_NAME = new Map<string, TemplateFormat>(
  (Object.entries(TEMPLATE_FORMATS) as Array<[TemplateFormat, Record<string, string>]>)
    .flatMap(([format, names]) => Object.values(names).map((name) => [name, format] as const)),
);

/** What a placeholder's text (between `{{` and `}}`) asks for. */
export interface PlaceholderParts {
  /** The dotted path, trimmed: `pedido.total`. */
  path: string;
  /** The format name as written, when there is a `|`. */
  formatName?: string;
  /** The format, when the name is one of the catalogue's. */
  format?: TemplateFormat;
  /** What follows the `:` (a currency code). */
  argument?: string;
}

/**
 * Splits a placeholder into its path and format.
 * @example placeholderParts(' total | moneda:USD ') // { path: 'total', formatName: 'moneda', format: 'currency', argument: 'USD' }
 */
export function placeholderParts(inner: string): PlaceholderParts {
  const bar = inner.indexOf('|');
  if (bar < 0) return { path: inner.trim() };
  const path = inner.slice(0, bar).trim();
  const spec = inner.slice(bar + 1).trim();
  const colon = spec.indexOf(':');
  const formatName = (colon < 0 ? spec : spec.slice(0, colon)).trim();
  const format = FORMAT_BY_NAME.get(formatName.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''));
  const argument = colon < 0 ? undefined : spec.slice(colon + 1).trim();
  return { path, formatName, ...(format && { format }), ...(argument !== undefined && { argument }) };
}

/** ISO 4217 codes are three capital letters (ARS, BRL, USD). */
export const CURRENCY_CODE_PATTERN = '^[A-Z]{3}$';

/** The names to suggest in the UI and in problems, in one language. */
export function formatNames(language: 'es' | 'pt' | 'en'): string[] {
  return Object.values(TEMPLATE_FORMATS).map((names) => names[language]);
}
