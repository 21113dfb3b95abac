import './conflict-dialog.css';
import { useState, useSyncExternalStore } from 'react';
import { isApiError } from '../api/api-error.ts';
import { Dialog } from '../app/dialog.tsx';
import { useT } from '../i18n/index.ts';
import type { Autosave } from './autosave.ts';
import { messages } from './messages.ts';

/** The revision the server's 409 (`revision_conflict`) says the draft is at now, if it said so. */
function currentRevision(failure: unknown): number | undefined {
  if (!isApiError(failure, 409)) return undefined;
  const revision = failure.details.currentRevision;
  return typeof revision === 'number' ? revision : undefined;
}

/**
 * Shown on a 409: the user must choose; there is no dismissing it. Reloading is the safe, primary
 * choice; overwriting throws away what someone else saved, so it is the secondary, danger-styled one.
 * The 409 carries only the current revision (no author or time), so that is what it names.
 */
export function ConflictDialog({ autosave }: { autosave: Autosave }) {
  const t = useT(messages);
  const status = useSyncExternalStore(autosave.subscribe, autosave.getStatus);
  const revision = currentRevision(status.failure);
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
      <p data-testid="conflict-what">{revision === undefined ? t('conflictWhat') : t('conflictWhatRevision', { revision })}</p>
      <p>{t('conflictChoices')}</p>
    </Dialog>
  );
}
