import { LOCALES, useLocale, useT, type Locale } from '../i18n/index.ts';
import { messages } from './messages.ts';

const LABELS: Record<Locale, string> = { es: 'Español', pt: 'Português', en: 'English' };

export function LanguageSwitcher() {
  const t = useT(messages);
  const { locale, setLocale } = useLocale();
  return (
    <select
      className="lang-switcher"
      aria-label={t('language')}
      data-testid="language-switcher"
      value={locale}
      onChange={(event) => setLocale(event.target.value as Locale)}
    >
      {LOCALES.map((code) => <option key={code} value={code}>{LABELS[code]}</option>)}
    </select>
  );
}
