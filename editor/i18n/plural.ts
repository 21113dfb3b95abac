import { translate, useLocale, type Messages } from './index.ts';

/**
 * Plural forms for the i18n layer, by `Intl.PluralRules`: a counted string is written once per CLDR
 * category the language uses, as `<key>_one` / `<key>_other` (`_many`, `_few`… where a language needs them),
 * e.g. `errors_one: '{count} error', errors_other: '{count} errores'`, and `<key>_zero` for 0 if given.
 * A missing category falls back to `_other`.
 * @example const tp = usePlural(messages); tp('errors', 1) // '1 error'
 */
export type TranslatePlural<M extends Record<string, string>> = (
  key: PluralKey<M>, count: number, params?: Record<string, string | number>,
) => string;

/** `errors` for a dictionary holding `errors_other` (and its other forms). */
type PluralKey<M> = { [K in keyof M]: K extends `${infer Base}_other` ? Base : never }[keyof M];

const rulesByLocale = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

export function translatePlural<M extends Record<string, string>>(messages: Messages<M>, locale: keyof Messages<M> & string): TranslatePlural<M> {
  const t = translate(messages, locale as Parameters<typeof translate>[1]);
  const table = messages[locale] as Record<string, string>;
  return (key, count, params) => {
    // `_zero` where given: CLDR puts 0 in Portuguese's `one` ("0 erro"), which reads wrong in a count.
    const zero = `${key}_zero`;
    const exact = count === 0 && (zero in table || zero in messages.es) ? zero : `${key}_${pluralRules(locale).select(count)}`;
    const chosen = exact in table || exact in messages.es ? exact : `${key}_other`;
    return t(chosen as keyof M & string, { ...params, count });
  };
}

/** `translatePlural` in the UI language; re-renders when it changes. */
export function usePlural<M extends Record<string, string>>(messages: Messages<M>): TranslatePlural<M> {
  const locale = useLocale((state) => state.locale);
  return translatePlural(messages, locale);
}
