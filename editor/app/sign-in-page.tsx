import { useState, type FormEvent } from 'react';
import { useErrorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/index.ts';
import { BrandMark } from './brand-mark.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';
import { messages } from './messages.ts';
import { useSession } from './session.ts';

export function SignInPage() {
  const t = useT(messages);
  const describe = useErrorText();
  const { signIn, error } = useSession();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    await signIn(token);
    setBusy(false);
  }

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit}>
        <div className="brand brand-large"><BrandMark /> {t('product')}</div>
        <p className="muted">{t('tagline')}</p>
        <h1>{t('signInTitle')}</h1>
        <p className="muted small">{t('signInHelp')}</p>
        <label className="field">
          <span>{t('tokenLabel')}</span>
          <input
            data-testid="sign-in-token"
            type="password"
            autoComplete="off"
            autoFocus
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
        </label>
        {error !== null && <p className="error-text" role="alert" data-testid="sign-in-error">{describe(error)}</p>}
        <button className="btn btn-primary" data-testid="sign-in-submit" disabled={busy || token.trim() === ''}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
        <div className="sign-in-footer"><LanguageSwitcher /></div>
      </form>
    </main>
  );
}
