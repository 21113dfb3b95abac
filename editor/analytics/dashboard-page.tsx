import { lazy, Suspense, useEffect, useState } from 'react';
import type { FlowDocument } from '../../schema/index.ts';
import { api } from '../app/api.ts';
import { downloadText } from '../app/download-json.ts';
import { navigate, routeHref } from '../app/router.ts';
import { TopBar } from '../app/top-bar.tsx';
import type { AnalyticsSeries, FlowAnalytics, FlowSummary } from '../api/types.ts';
import { useErrorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/index.ts';
import { messages } from './messages.ts';
import { ConversationFigures } from './node-figures-panel.tsx';
import { ScopeControls } from './scope-controls.tsx';
import { useAnalyticsScope } from './use-analytics-scope.ts';
import './analytics.css';

// The charting library (recharts) is a chunk of its own, fetched when the dashboard first draws.
const DashboardCharts = lazy(() => import('./dashboard-charts.tsx'));

const DAY_MS = 86_400_000;

interface Loaded { report: FlowAnalytics; series: AnalyticsSeries; document: FlowDocument }

/**
 * A flow's analytics in figures and plots, for a version and a range of days: conversations by
 * outcome and service times on top, the plots under them.
 */
export function DashboardPage({ flowId }: { flowId?: string }) {
  const t = useT(messages);
  const describeError = useErrorText();
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { api.listFlows().then(setFlows, setError); }, []);
  // The flow named in the URL, else the first live one.
  const chosen = flowId ?? (flows?.find((flow) => flow.liveVersion !== null) ?? flows?.[0])?.id ?? null;
  const scope = useAnalyticsScope(chosen);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const queryKey = JSON.stringify(scope.query);

  useEffect(() => {
    const query = JSON.parse(queryKey) as typeof scope.query;
    setLoaded(null);
    if (query === null || chosen === null) return;
    let current = true;
    void (async () => {
      const [report, daily, document] = await Promise.all([
        api.flowAnalytics(chosen, query), api.analyticsSeries(chosen, { ...query, bucket: 'day' }), api.getVersion(chosen, query.version!),
      ]);
      // Days are too coarse for a range within two days: hours then.
      const span = daily.points.length === 0 ? 0 : Date.parse(daily.points.at(-1)!.at) - Date.parse(daily.points[0]!.at);
      const series = span < 2 * DAY_MS ? await api.analyticsSeries(chosen, { ...query, bucket: 'hour' }) : daily;
      if (current) { setLoaded({ report, series, document }); setError(null); }
    })().catch((failure: unknown) => { if (current) setError(failure); });
    return () => { current = false; };
  }, [chosen, queryKey]);

  return (
    <div className="page" data-testid="dashboard-page">
      <TopBar />
      <div className="analytics-bar">
        <h1 className="analytics-bar-title">{t('dashboardTitle')}</h1>
        <label className="analytics-control"><span>{t('flow')}</span>
          <select className="select select-small" data-testid="dashboard-flow" value={chosen ?? ''}
            onChange={(event) => navigate({ page: 'dashboard', flowId: event.target.value })}>
            {flows?.map((flow) => <option key={flow.id} value={flow.id}>{flow.name}</option>)}
          </select>
        </label>
        <ScopeControls scope={scope} />
        <span className="spacer" />
        {chosen !== null && <>
          {scope.query && <button type="button" className="btn btn-small" data-testid="export-csv" onClick={() => {
            const query = scope.query!;
            api.exportAnalyticsCsv(chosen, query).then((csv) => downloadText(`${chosen}-v${query.version}-analytics.csv`, csv, 'text/csv'), setError);
          }}>{t('exportCsv')}</button>}
          <a className="btn btn-small" href={routeHref({ page: 'flow-analytics', flowId: chosen })} data-testid="open-canvas-analytics">{t('openCanvas')}</a>
          <a className="btn btn-small" href={routeHref({ page: 'history', filter: { flowId: chosen } })}>{t('openHistory')}</a>
        </>}
      </div>
      <main className="page-body dashboard">
        {(error ?? scope.error) !== null && <p className="banner banner-error" role="alert">{describeError(error ?? scope.error)}</p>}
        {flows?.length === 0 && <p className="empty-state">{t('noFlows')}</p>}
        {scope.versions?.length === 0 && <p className="banner" data-testid="analytics-no-versions">{t('noVersions')}</p>}
        {loaded === null && scope.versions?.length !== 0 && flows?.length !== 0 && error === null && <p className="muted">{t('loading')}</p>}
        {loaded && <>
          <ConversationFigures report={loaded.report} />
          <Suspense fallback={<p className="muted">{t('loading')}</p>}>
            <DashboardCharts report={loaded.report} series={loaded.series} document={loaded.document} />
          </Suspense>
        </>}
      </main>
    </div>
  );
}
