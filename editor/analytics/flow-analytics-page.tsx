import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { routeHref } from '../app/router.ts';
import { TopBar } from '../app/top-bar.tsx';
import type { FlowAnalytics } from '../api/types.ts';
import { FlowEditorCanvas } from '../canvas/index.ts';
import { useVersionStore } from '../history/use-version-store.ts';
import { useErrorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/index.ts';
import { EditorStoreProvider, useEditorStore } from '../store/index.ts';
import { messages } from './messages.ts';
import { ConversationFigures, NodeFiguresPanel } from './node-figures-panel.tsx';
import { ScopeControls } from './scope-controls.tsx';
import { useAnalyticsScope } from './use-analytics-scope.ts';
import './analytics.css';

/**
 * The canvas in analytics mode: a published version (read-only, a store of its own) with its
 * counts for the chosen range drawn on it — how many took each edge, each node shaded by its
 * drop-off, delivery and failures on the nodes that send messages — and, for the node clicked,
 * its figures and its most common invalid answers.
 */
export function FlowAnalyticsPage({ flowId }: { flowId: string }) {
  const t = useT(messages);
  const describeError = useErrorText();
  const scope = useAnalyticsScope(flowId);
  const version = useVersionStore(flowId, scope.version);
  const [report, setReport] = useState<FlowAnalytics | null>(null);
  const [error, setError] = useState<unknown>(null);
  const queryKey = JSON.stringify(scope.query);

  useEffect(() => {
    const query = JSON.parse(queryKey) as typeof scope.query;
    setReport(null);
    if (query === null) return;
    let current = true;
    api.flowAnalytics(flowId, query).then((answer) => { if (current) { setReport(answer); setError(null); } }, (failure: unknown) => { if (current) setError(failure); });
    return () => { current = false; };
  }, [flowId, queryKey]);
  useEffect(() => {
    if (version.store && report?.version === scope.version) version.store.getState().setAnalytics(report.nodes);
  }, [version.store, report, scope.version]);

  const failure = error ?? scope.error ?? version.error;
  return (
    <div className="page editor-page" data-testid="flow-analytics-page">
      <TopBar />
      <div className="analytics-bar">
        <a className="btn btn-ghost btn-small" href={routeHref({ page: 'editor', flowId })}>{t('backToEditor')}</a>
        <h1 className="analytics-bar-title">{t('canvasTitle')}</h1>
        <ScopeControls scope={scope} />
        <span className="spacer" />
        <a className="btn btn-small" href={routeHref({ page: 'dashboard', flowId })} data-testid="open-dashboard">{t('openDashboard')}</a>
        <a className="btn btn-small" href={routeHref({ page: 'history', filter: { flowId, ...(scope.version !== null && { version: String(scope.version) }) } })}>{t('openHistory')}</a>
      </div>
      {failure !== null && <p className="banner banner-error" role="alert">{describeError(failure)}</p>}
      {scope.versions?.length === 0 && <p className="banner" data-testid="analytics-no-versions">{t('noVersions')}</p>}
      <div className="editor-grid">
        <div className="editor-center">
          <div className="editor-canvas-area" data-testid="analytics-canvas">
            {version.store && <EditorStoreProvider store={version.store}><FlowEditorCanvas /></EditorStoreProvider>}
          </div>
        </div>
        <aside className="side-panel analytics-side" data-testid="analytics-side">
          {report ? <ConversationFigures report={report} /> : <p className="muted">{t('loading')}</p>}
          {version.store && report && <EditorStoreProvider store={version.store}><SelectedNode report={report} /></EditorStoreProvider>}
        </aside>
      </div>
    </div>
  );
}

/** The figures of the node selected on the canvas, or how to get them. */
function SelectedNode({ report }: { report: FlowAnalytics }) {
  const t = useT(messages);
  const node = useEditorStore((state) => (state.selectedNodeIds.length === 1 ? state.document.nodes.find((entry) => entry.id === state.selectedNodeIds[0]) : undefined));
  const figures = node && report.nodes[node.id];
  if (!node || !figures) return <p className="muted analytics-hint" data-testid="analytics-pick-node">{t('pickNode')}</p>;
  return <NodeFiguresPanel node={node} figures={figures} />;
}
