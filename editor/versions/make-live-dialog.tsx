import { useState } from 'react';
import { Dialog } from '../app/dialog.tsx';
import { problemSummary } from '../pages/problem-summary.ts';
import { useT } from '../i18n/index.ts';
import { messages } from './messages.ts';

interface MakeLiveDialogProps {
  version: number;
  liveVersion: number | null;
  /** Switches live traffic; a failure stays in the dialog. */
  onConfirm(): Promise<void>;
  onCancel(): void;
}

/** Asks before a version goes live (a roll back included): live traffic switches at once, conversations under way do not. */
export function MakeLiveDialog({ version, liveVersion, onConfirm, onCancel }: MakeLiveDialogProps) {
  const t = useT(messages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (failure) {
      setError(problemSummary(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('confirmLiveTitle', { version })} testId="make-live-dialog" onDismiss={() => !busy && onCancel()}
      actions={<>
        <button className="btn" onClick={onCancel} disabled={busy}>{t('cancel')}</button>
        <button className="btn btn-primary" data-testid="make-live-confirm" disabled={busy} onClick={() => void confirm()}>
          {t('confirmLive', { version })}
        </button>
      </>}>
      <p>{liveVersion === null ? t('confirmLiveFirst', { version }) : t('confirmLiveBody', { version, live: liveVersion })}</p>
      <p>{t('confirmLiveKeep')}</p>
      {error && <p className="error-text" role="alert">{error}</p>}
    </Dialog>
  );
}
