import { useState } from 'react';
import { Dialog } from '../app/dialog.tsx';
import { useT } from '../i18n/index.ts';
import type { Autosave } from './autosave.ts';
import { messages } from './messages.ts';

/** Shown on a 409: the user must choose; there is no dismissing it. */
export function ConflictDialog({ autosave }: { autosave: Autosave }) {
  const t = useT(messages);
  const [busy, setBusy] = useState(false);
  const choose = (action: () => Promise<void>) => async () => {
    setBusy(true);
    try { await action(); } finally { setBusy(false); }
  };
  return (
    <Dialog title={t('conflictTitle')} testId="conflict-dialog"
      actions={<>
        <button className="btn" data-testid="conflict-reload" disabled={busy} onClick={choose(autosave.reload)}>{t('reload')}</button>
        <button className="btn btn-primary" data-testid="conflict-overwrite" disabled={busy} onClick={choose(autosave.overwrite)}>{t('overwrite')}</button>
      </>}>
      <p>{t('conflictBody')}</p>
    </Dialog>
  );
}
