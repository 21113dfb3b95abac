import { useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { useT } from '../i18n/index.ts';
import './versions.css';
import { messages } from './messages.ts';
import { useDraftChanges } from './use-draft-changes.ts';

interface LiveVersionStatusProps {
  api: Pick<ApiClient, 'diff'>;
  flowId: string;
  liveVersion: number | null;
}

/**
 * The top bar's live version and, beside it, whether the draft has changes not yet live (the flow
 * list's marker). While a save is being checked the last answer for this live version stays up, so the
 * marker does not blink on every autosave.
 */
export function LiveVersionStatus({ api, flowId, liveVersion }: LiveVersionStatusProps) {
  const t = useT(messages);
  const changes = useDraftChanges(api, flowId, liveVersion);
  const [known, setKnown] = useState<{ liveVersion: number | null; changes: boolean } | null>(null);
  if (changes !== undefined && (known?.changes !== changes || known.liveVersion !== liveVersion)) setKnown({ liveVersion, changes });
  const unpublished = changes ?? (known?.liveVersion === liveVersion && known.changes);
  return (
    <>
      <span className={liveVersion === null ? 'pill pill-muted' : 'pill pill-live'} data-testid="editor-live">
        {liveVersion === null ? t('notPublished') : t('liveInHeader', { version: liveVersion })}
      </span>
      {unpublished && (
        <span className="pill pill-warn editor-unpublished" data-testid="editor-unpublished" title={t('unpublishedHint')}>
          <span className="editor-unpublished-long">{t('unpublished')}</span>
          <span className="editor-unpublished-short" aria-hidden>{t('unpublishedShort')}</span>
        </span>
      )}
    </>
  );
}
