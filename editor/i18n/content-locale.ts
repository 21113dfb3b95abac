import { DEFAULT_LOCALE, LOCALES, type Locale } from './index.ts';

/**
 * The locale of the copy a flow sends its customers, from the document's `language`
 * (`pt-BR` → `pt`). Spanish when it is unset or a language the editor has no copy for.
 * Independent of the UI language: a Brazilian bot is built by whoever, in any UI language.
 */
export function contentLocale(language: string | undefined): Locale {
  const base = language?.split('-')[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : DEFAULT_LOCALE;
}
