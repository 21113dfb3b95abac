import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { ROLE_LABEL } from '../../app/account-menu.tsx';
import { Dialog } from '../../app/dialog.tsx';
import { messages as appMessages } from '../../app/messages.ts';
import { usePrincipalName } from '../../app/principal-name.ts';
import type { ApiToken, CreatedToken, Role } from '../../api/types.ts';
import { useErrorText } from '../../i18n/error-text.ts';
import { useLocale, useT } from '../../i18n/index.ts';
import { CopyField } from './copy-field.tsx';
import { messages } from './messages.ts';

const ROLES: Role[] = ['analyst', 'tester', 'admin'];

/** Admin only: a token per person (name and role), shown once when created; the list; revoking. */
export function PeopleSection() {
  const t = useT(messages);
  const tApp = useT(appMessages);
  const locale = useLocale((state) => state.locale);
  const describeError = useErrorText();
  const principalName = usePrincipalName();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const reload = useCallback(() => api.listTokens().then(setTokens, setError), []);
  useEffect(() => { void reload(); }, [reload]);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      setCreated(await api.createToken(name.trim(), role));
      setName('');
      setError(null);
      await reload();
    } catch (failure) { setError(failure); }
  }

  async function revoke() {
    if (!revoking) return;
    try {
      await api.revokeToken(revoking.id);
      await reload();
    } catch (failure) { setError(failure); }
    setRevoking(null);
  }

  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="settings-section" data-testid="settings-people">
      <p className="muted">{t('peopleHelp')}</p>
      <form className="settings-form-row" onSubmit={(event) => void create(event)}>
        <label className="field">
          <span>{t('tokenName')}</span>
          <input data-testid="token-name" value={name} maxLength={100} placeholder={t('tokenNamePlaceholder')} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('tokenRole')}</span>
          <select data-testid="token-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((option) => <option key={option} value={option}>{tApp(ROLE_LABEL[option])}</option>)}
          </select>
        </label>
        <button className="btn btn-primary" data-testid="token-create" disabled={name.trim() === ''}>{t('createToken')}</button>
      </form>
      {error !== null && <p className="banner banner-error" role="alert" data-testid="settings-error">{describeError(error)}</p>}
      {tokens === null ? <p className="muted">{t('loading')}</p> : tokens.length === 0 ? <p className="empty-state">{t('noTokens')}</p> : (
        <table className="flow-table" data-testid="token-list">
          <thead><tr><th>{t('columnName')}</th><th>{t('columnRole')}</th><th>{t('columnCreated')}</th><th>{t('columnStatus')}</th><th /></tr></thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-testid={`token-row-${token.id}`} className={token.revokedAt !== null ? 'row-revoked' : undefined}>
                <td className="flow-name">{token.name}</td>
                <td>{tApp(ROLE_LABEL[token.role])}</td>
                <td className="muted">{t('createdBy', { when: date.format(token.createdAt), who: principalName(token.createdBy) })}</td>
                <td>{token.revokedAt === null
                  ? <span className="pill pill-ok">{t('active')}</span>
                  : <span className="pill pill-muted" title={date.format(token.revokedAt)}>{t('revoked')}</span>}</td>
                <td className="row-actions">
                  {token.revokedAt === null && <button className="btn btn-small btn-danger" data-testid="token-revoke" onClick={() => setRevoking(token)}>{t('revoke')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {created && (
        <Dialog title={t('createdTitle', { name: created.name })} testId="token-created-dialog"
          actions={<button className="btn btn-primary" data-testid="token-created-done" onClick={() => setCreated(null)}>{t('done')}</button>}>
          <p>{t('createdHelp', { name: created.name })}</p>
          <CopyField value={created.token} testId="token-secret" />
        </Dialog>
      )}
      {revoking && (
        <Dialog title={t('revokeTitle')} testId="token-revoke-dialog" onDismiss={() => setRevoking(null)}
          actions={<>
            <button className="btn" onClick={() => setRevoking(null)}>{t('cancel')}</button>
            <button className="btn btn-danger" data-testid="token-revoke-confirm" onClick={() => void revoke()}>{t('revoke')}</button>
          </>}>
          <p>{t('revokeConfirm', { name: revoking.name })}</p>
        </Dialog>
      )}
    </section>
  );
}
