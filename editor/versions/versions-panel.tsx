import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { usePrincipalName } from '../app/principal-name.ts';
import type { VersionSummary } from '../api/types.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { Dialog } from '../app/dialog.tsx';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { DiffSection } from './diff-section.tsx';
import { MakeLiveDialog } from './make-live-dialog.tsx';
import { messages } from './messages.ts';
import './versions.css';

interface VersionsPanelProps {
  api: Pick<ApiClient, 'listVersions' | 'setLive' | 'diff' | 'getVersion'>;
  flowId: string;
  canPublish: boolean;
  liveVersion: number | null;
  onLiveChange(version: number): void;
  saveDraft(): Promise<boolean>;
  /** Bumped after a publish, to reload the list. */
  versionsKey: number;
}

/**
 * Every published version (number, author, time, note, live marker, and a mark on those newer than the live one),
 * roll back (confirmed first), and the diff.
 */
export function VersionsPanel({ api, flowId, canPublish, liveVersion, onLiveChange, saveDraft, versionsKey }: VersionsPanelProps) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [restored, setRestored] = useState<number | null>(null);
  const store = useEditorStoreApi();
  const canEdit = useEditorStore((state) => !state.readOnly);

  useEffect(() => {
    api.listVersions(flowId).then(setVersions, (failure: Error) => setError(failure.message));
  }, [api, flowId, versionsKey, liveVersion]);

  async function makeLive(version: number) {
    await api.setLive(flowId, version);
    setConfirming(null);
    onLiveChange(version);
  }

  /** The version's document becomes the draft: one undo step, saved by autosave like any edit; nothing goes live. */
  async function restore(version: number) {
    const document = await api.getVersion(flowId, version);
    store.getState().setDiffMarks(null);
    store.getState().select([]);
    store.getState().commit(document);
    setRestoring(null);
    setRestored(version);
  }

  const live = versions?.find((version) => version.live)?.version ?? liveVersion;
  const authorName = usePrincipalName();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <aside className="side-panel versions-panel" data-testid="versions-panel">
      <div className="side-panel-header"><h2>{t('title')}</h2></div>
      {error && <p className="error-text">{error}</p>}
      {restored !== null && <p className="banner" role="status" data-testid="version-restored">{t('restored', { version: restored })}</p>}
      {versions?.length === 0 && <p className="muted small">{t('none')}</p>}
      <ol className="version-list">
        {versions?.map((version) => {
          // After a roll back, versions published later are not what customers get: say so on each.
          const newer = live !== null && version.version > live;
          return (
            <li key={version.version} className={version.live ? 'version version-live' : newer ? 'version version-newer' : 'version'}
              data-testid={`version-${version.version}`} aria-current={version.live || undefined}>
              <div className="version-head">
                <strong>{t('version', { version: version.version })}</strong>
                {version.live && <span className="pill pill-live" data-testid="version-live"><span aria-hidden="true">● </span>{t('live')}</span>}
                {newer && <span className="pill pill-newer" data-testid="version-newer" title={t('newerHint', { live })}>{t('newerThanLive')}</span>}
                <span className="muted small">{time.format(version.createdAt)}</span>
              </div>
              <div className="muted small" data-testid="version-author">{t('by', { author: authorName(version.author) })}</div>
              {version.note && <p className="version-note">{version.note}</p>}
              <div className="version-actions">
                {canPublish && !version.live && (
                  <button className="btn btn-small" data-testid={`version-make-live-${version.version}`} onClick={() => setConfirming(version.version)}>
                    {live !== null && version.version < live ? t('rollBack') : t('makeLive')}
                  </button>
                )}
                {canEdit && (
                  <button className="btn btn-small btn-ghost" data-testid={`version-restore-${version.version}`} onClick={() => setRestoring(version.version)}>
                    {t('restore')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {versions && versions.length > 0 && (
        // A new version or a new live one starts a fresh comparison: the old marks would be about another flow.
        <DiffSection key={`${versionsKey} ${String(liveVersion)}`} api={api} flowId={flowId} versions={versions} liveVersion={liveVersion} saveDraft={saveDraft} />
      )}
      {restoring !== null && (
        <Dialog title={t('restoreTitle', { version: restoring })} testId="restore-version-dialog" onDismiss={() => setRestoring(null)}
          actions={<>
            <button className="btn" onClick={() => setRestoring(null)}>{t('cancel')}</button>
            <button className="btn btn-primary" data-testid="restore-version-confirm"
              onClick={() => void restore(restoring).catch((failure: Error) => { setRestoring(null); setError(failure.message); })}>{t('restore')}</button>
          </>}>
          <p>{t('restoreBody', { version: restoring })}</p>
        </Dialog>
      )}
      {confirming !== null && (
        <MakeLiveDialog version={confirming} liveVersion={liveVersion} onConfirm={() => makeLive(confirming)} onCancel={() => setConfirming(null)} />
      )}
    </aside>
  );
}
