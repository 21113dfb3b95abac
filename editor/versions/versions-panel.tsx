import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { VersionSummary } from '../api/types.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { DiffSection } from './diff-section.tsx';
import { messages } from './messages.ts';

interface VersionsPanelProps {
  api: Pick<ApiClient, 'listVersions' | 'setLive' | 'diff'>;
  flowId: string;
  canPublish: boolean;
  liveVersion: number | null;
  onLiveChange(version: number): void;
  saveDraft(): Promise<boolean>;
  /** Bumped after a publish, to reload the list. */
  versionsKey: number;
}

/** Every published version (number, author, time, note, live marker), roll back, and the diff. */
export function VersionsPanel({ api, flowId, canPublish, liveVersion, onLiveChange, saveDraft, versionsKey }: VersionsPanelProps) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listVersions(flowId).then(setVersions, (failure: Error) => setError(failure.message));
  }, [api, flowId, versionsKey, liveVersion]);

  async function makeLive(version: number) {
    try {
      await api.setLive(flowId, version);
      onLiveChange(version);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <aside className="side-panel versions-panel" data-testid="versions-panel">
      <div className="side-panel-header"><h2>{t('title')}</h2></div>
      {error && <p className="error-text">{error}</p>}
      {versions?.length === 0 && <p className="muted small">{t('none')}</p>}
      <ol className="version-list">
        {versions?.map((version) => (
          <li key={version.version} className={version.live ? 'version version-live' : 'version'} data-testid={`version-${version.version}`}>
            <div className="version-head">
              <strong>{t('version', { version: version.version })}</strong>
              {version.live && <span className="pill pill-live" data-testid="version-live">{t('live')}</span>}
              <span className="muted small">{time.format(version.createdAt)}</span>
            </div>
            <div className="muted small">{t('by', { author: version.author })}</div>
            {version.note && <p className="version-note">{version.note}</p>}
            {canPublish && !version.live && (
              <button className="btn btn-small" data-testid={`version-make-live-${version.version}`} onClick={() => void makeLive(version.version)}>
                {liveVersion !== null && version.version < liveVersion ? t('rollBack') : t('makeLive')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {versions && versions.length > 0 && (
        <DiffSection key={versionsKey} api={api} flowId={flowId} versions={versions} liveVersion={liveVersion} saveDraft={saveDraft} />
      )}
    </aside>
  );
}
