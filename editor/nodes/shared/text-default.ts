import type { Locale } from '../../i18n/index.ts';

/** The `create` of a kind whose fresh node holds one text: that text in each language a flow may be written in. */
export function textDefault(texts: Record<Locale, string>): (locale: Locale) => { text: string } {
  return (locale) => ({ text: texts[locale] });
}
