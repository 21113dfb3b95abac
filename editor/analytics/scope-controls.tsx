import { useT } from '../i18n/index.ts';
import { messages } from './messages.ts';
import type { AnalyticsScope } from './use-analytics-scope.ts';

/** The version and the range of days the figures cover. */
export function ScopeControls({ scope }: { scope: AnalyticsScope }) {
  const t = useT(messages);
  return (
    <>
      <label className="analytics-control"><span>{t('version')}</span>
        <select className="select select-small" data-testid="analytics-version" value={scope.version ?? ''}
          onChange={(event) => scope.setVersion(Number(event.target.value))} disabled={!scope.versions?.length}>
          {scope.versions?.map((entry) => (
            <option key={entry.version} value={entry.version}>{t(entry.live ? 'liveOption' : 'versionOption', { version: entry.version })}</option>
          ))}
        </select>
      </label>
      <label className="analytics-control"><span>{t('from')}</span>
        <input type="date" data-testid="analytics-from" value={scope.from} max={scope.to || undefined} onChange={(event) => scope.setFrom(event.target.value)} />
      </label>
      <label className="analytics-control"><span>{t('to')}</span>
        <input type="date" data-testid="analytics-to" value={scope.to} min={scope.from || undefined} onChange={(event) => scope.setTo(event.target.value)} />
      </label>
    </>
  );
}
