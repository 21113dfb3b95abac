import { LOCALES, useLocale, useT, type Locale } from '../i18n/index.ts';
import { messages } from './messages.ts';

/** Each language in its own words, as language pickers show them. */
export const LANGUAGE_NAMES: Record<Locale, string> = { es: 'Español', pt: 'Português', en: 'English' };

/** The sign-in page's language choice (signed in, it lives in the account menu). */
export function LanguageSwitcher() {
  const t = useT(messages);
  const { locale, setLocale } = useLocale();
  return (
    <select
      className="select select-small lang-switcher"
      aria-label={t('language')}
      data-testid="language-switcher"
      value={locale}
      onChange={(event) => setLocale(event.target.value as Locale)}
    >
      {LOCALES.map((code) => <option key={code} value={code}>{LANGUAGE_NAMES[code]}</option>)}
    </select>
  );
}
