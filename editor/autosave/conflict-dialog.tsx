import './conflict-dialog.css';
import { useState, useSyncExternalStore } from 'react';
import { isApiError } from '../api/api-error.ts';
import { Dialog } from '../app/dialog.tsx';
import { usePrincipalName } from '../app/principal-name.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { relativeTime } from '../i18n/relative-time.ts';
import type { Autosave } from './autosave.ts';
import { messages } from './messages.ts';

/** What the server's 409 (`revision_conflict`) says of the draft now: its revision, and who saved it when, if it said so. */
function currentDraft(failure: unknown): { revision?: number; updatedAt?: number; updatedBy?: string } {
  if (!isApiError(failure, 409)) return {};
  const { currentRevision, updatedAt, updatedBy } = failure.details;
  return {
    ...(typeof currentRevision === 'number' && { revision: currentRevision }),
    ...(typeof updatedAt === 'number' && { updatedAt }),
    ...(typeof updatedBy === 'string' && { updatedBy }),
  };
}

/**
 * Shown on a 409: the user must choose; there is no dismissing it. Reloading is the safe, primary
 * choice; overwriting throws away what someone else saved, so it is the secondary, danger-styled one.
 * It names who saved the draft and when, as the 409 tells (a draft Charla stored itself has no author).
 */
export function ConflictDialog({ autosave }: { autosave: Autosave }) {
  const t = useT(messages);
  const status = useSyncExternalStore(autosave.subscribe, autosave.getStatus);
  const locale = useLocale((state) => state.locale);
  const principalName = usePrincipalName();
  const { revision, updatedAt, updatedBy } = currentDraft(status.failure);
  const [busy, setBusy] = useState(false);
  const choose = (action: () => Promise<void>) => async () => {
    setBusy(true);
    try { await action(); } finally { setBusy(false); }
  };
  return (
    <Dialog title={t('conflictTitle')} testId="conflict-dialog"
      actions={<>
        <button className="btn btn-danger" data-testid="conflict-overwrite" disabled={busy} onClick={choose(autosave.overwrite)}>{t('overwrite')}</button>
        <button className="btn btn-primary" data-testid="conflict-reload" disabled={busy} autoFocus onClick={choose(autosave.reload)}>{t('reload')}</button>
      </>}>
      <p data-testid="conflict-what">
        {revision === undefined ? t('conflictWhat')
          : updatedBy === undefined || updatedAt === undefined ? t('conflictWhatRevision', { revision })
            : t('conflictWhoWhen', {
              who: principalName(updatedBy), revision, when: relativeTime(updatedAt, Date.now(), locale),
              time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(updatedAt),
            })}
      </p>
      <p>{t('conflictChoices')}</p>
    </Dialog>
  );
}
