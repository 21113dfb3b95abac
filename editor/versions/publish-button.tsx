import { useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { Dialog } from '../app/dialog.tsx';
import { problemSummary } from '../pages/problem-summary.ts';
import { useT } from '../i18n/index.ts';
import { hasErrors, useEditorStore } from '../store/index.ts';
import { showProblems } from '../problems/show-problems.ts';
import { messages } from './messages.ts';
import { PublishWarnings } from './publish-warnings.tsx';
import { useDraftChanges } from './use-draft-changes.ts';

interface PublishButtonProps {
  api: Pick<ApiClient, 'publish' | 'listVersions' | 'diff'>;
  flowId: string;
  /** The live version, to tell whether the draft brings anything new. */
  liveVersion: number | null;
  /** Saves the draft first: the server publishes what it has. */
  saveDraft(): Promise<boolean>;
  onPublished(version: number): void;
}

/**
 * Publish with a note (admin); disabled while the draft has errors, and while it is the live
 * version unchanged (the server would refuse it with 409 draft_unchanged; if it does anyway, its message shows).
 * Warnings do not block it: the dialog lists them, with a way to the problems panel.
 */
export function PublishButton({ api, flowId, liveVersion, saveDraft, onPublished }: PublishButtonProps) {
  const t = useT(messages);
  const blocked = useEditorStore(hasErrors);
  // Unsaved edits are published too (the draft is saved first), so they count as changes.
  const unchanged = useDraftChanges(api, flowId, liveVersion) === false && liveVersion !== null;
  const reason = blocked ? t('blockedByErrors') : unchanged ? t('unchanged', { version: liveVersion }) : undefined;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nextVersion, setNextVersion] = useState<number | null>(null);

  function openDialog() {
    setOpen(true);
    api.listVersions(flowId).then(
      (versions) => setNextVersion(Math.max(0, ...versions.map((version) => version.version)) + 1),
      () => setNextVersion(null),
    );
  }

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      await saveDraft();
      const { version } = await api.publish(flowId, note.trim() || undefined);
      setOpen(false);
      setNote('');
      onPublished(version);
    } catch (failure) {
      setError(problemSummary(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button className="btn btn-primary" data-testid="publish" disabled={reason !== undefined} title={reason}
        onClick={openDialog}>{t('publish')}</button>
      {open && (
        <Dialog title={t('publishTitle')} testId="publish-dialog" onDismiss={() => !busy && setOpen(false)}
          actions={<>
            <button className="btn" onClick={() => setOpen(false)} disabled={busy}>{t('cancel')}</button>
            <button className="btn btn-primary" data-testid="publish-confirm" disabled={busy || blocked} onClick={() => void publish()}>
              {busy ? t('publishing') : t('publish')}
            </button>
          </>}>
          <p>{t('publishBody', { version: nextVersion ?? '…' })}</p>
          <PublishWarnings onShowProblems={() => { setOpen(false); showProblems(); }} />
          <label className="field">
            <span>{t('noteLabel')}</span>
            <textarea data-testid="publish-note" rows={3} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />
          </label>
          {error && <p className="error-text" role="alert">{error}</p>}
        </Dialog>
      )}
    </>
  );
}
