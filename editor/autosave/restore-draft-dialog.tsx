import { useState } from 'react';
import { Dialog } from '../app/dialog.tsx';
import { useLocale, useT } from '../i18n/index.ts';
import { useEditorStore } from '../store/index.ts';
import type { Autosave } from './autosave.ts';
import type { DraftBackup } from './draft-backup.ts';
import { messages } from './messages.ts';

/**
 * On opening a flow: offers back the draft a previous visit could not save (kept in this browser),
 * saying when the server's draft moved on since. Nothing shows when there is none.
 */
export function RestoreDraftDialog({ autosave }: { autosave: Autosave }) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const revision = useEditorStore((state) => state.revision);
  const [backup, setBackup] = useState<DraftBackup | null>(() => autosave.restorable());
  if (!backup) return null;
  const time = new Date(backup.savedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const answer = (restore: boolean) => {
    if (restore) autosave.restore(backup);
    else autosave.discardBackup();
    setBackup(null);
  };
  return (
    <Dialog title={t('restoreTitle')} testId="restore-draft-dialog"
      actions={<>
        <button className="btn" data-testid="restore-draft-discard" onClick={() => answer(false)}>{t('discard')}</button>
        <button className="btn btn-primary" data-testid="restore-draft-restore" onClick={() => answer(true)}>{t('restore')}</button>
      </>}>
      <p>{t('restoreBody', { time })}</p>
      {backup.revision !== revision && <p className="error-text">{t('restoreStale', { then: backup.revision, now: revision })}</p>}
    </Dialog>
  );
}
