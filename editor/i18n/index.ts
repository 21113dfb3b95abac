import { create } from 'zustand';

/** The one translation layer: every UI string comes from a `defineMessages` dictionary. */
export const LOCALES = ['es', 'pt', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es';

/** Spanish is the source; Portuguese and English must have every key (the compiler checks). */
export type Messages<M extends Record<string, string>> = { es: M } & { [L in Exclude<Locale, 'es'>]: { [K in keyof M]: string } };

/**
 * Declares one area's strings, e.g.
 * `const messages = defineMessages({ es: { save: 'Guardar' }, pt: { save: 'Salvar' }, en: { save: 'Save' } })`.
 * `{name}` placeholders are filled from the params given to `t`.
 */
export function defineMessages<M extends Record<string, string>>(messages: Messages<M>): Messages<M> {
  return messages;
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

function initialLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem('charla.locale');
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : DEFAULT_LOCALE;
}

export const useLocale = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale(locale) {
    if (typeof localStorage !== 'undefined') localStorage.setItem('charla.locale', locale);
    set({ locale });
  },
}));

export type Translate<M extends Record<string, string>> = (key: keyof M & string, params?: Record<string, string | number>) => string;

export function translate<M extends Record<string, string>>(messages: Messages<M>, locale: Locale): Translate<M> {
  return (key, params) => {
    const text = (messages[locale] as Record<string, string>)[key] ?? messages.es[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
  };
}

/** `const t = useT(messages); t('save')` in a component; re-renders when the locale changes. */
export function useT<M extends Record<string, string>>(messages: Messages<M>): Translate<M> {
  const locale = useLocale((state) => state.locale);
  return translate(messages, locale);
}
