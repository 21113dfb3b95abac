import { lazy, Suspense, useEffect } from 'react';
import { useLocale, useT } from '../i18n/index.ts';
import { FlowListPage } from '../pages/flow-list-page.tsx';
import { messages } from './messages.ts';
import { loadFlowEditorPage, preloadForStart } from './preload.ts';
import { useRoute } from './router.ts';
import { useSession } from './session.ts';
import { SignInPage } from './sign-in-page.tsx';

// The canvas (React Flow), the inbox and the settings load on demand, keeping the first page's bundle small.
const FlowEditorPage = lazy(async () => ({ default: (await loadFlowEditorPage()).FlowEditorPage }));
const InboxPage = lazy(async () => ({ default: (await import('../pages/inbox-page.tsx')).InboxPage }));
const DashboardPage = lazy(async () => ({ default: (await import('../analytics/dashboard-page.tsx')).DashboardPage }));
const FlowAnalyticsPage = lazy(async () => ({ default: (await import('../analytics/flow-analytics-page.tsx')).FlowAnalyticsPage }));
const HistoryPage = lazy(async () => ({ default: (await import('../history/history-page.tsx')).HistoryPage }));
const RunPage = lazy(async () => ({ default: (await import('../history/run-page.tsx')).RunPage }));
const SettingsPage = lazy(async () => ({ default: (await import('../pages/settings-page.tsx')).SettingsPage }));

if (typeof window !== 'undefined') preloadForStart(window.location.hash);

/** The shell: sign-in gate, then the page the URL hash names. */
export function App() {
  const t = useT(messages);
  const status = useSession((state) => state.status);
  const restore = useSession((state) => state.restore);
  const route = useRoute();
  const locale = useLocale((state) => state.locale);
  useEffect(() => { document.documentElement.lang = locale; }, [locale]);

  useEffect(() => {
    if (useSession.getState().status === 'checking') void restore();
  }, [restore]);
  // Once signed in, fetch the editor chunk in the background: opening a flow is the next step.
  useEffect(() => {
    if (status === 'signed-in') void loadFlowEditorPage().catch(() => undefined);
  }, [status]);

  if (status === 'checking') return <div className="splash">{t('checking')}</div>;
  if (status === 'signed-out') return <SignInPage />;
  return (
    <Suspense fallback={<div className="splash">{t('checking')}</div>}>
      {route.page === 'flows' && <FlowListPage />}
      {route.page === 'editor' && <FlowEditorPage key={route.flowId} flowId={route.flowId} />}
      {route.page === 'flow-analytics' && <FlowAnalyticsPage key={route.flowId} flowId={route.flowId} />}
      {route.page === 'dashboard' && <DashboardPage flowId={route.flowId} />}
      {route.page === 'history' && <HistoryPage filter={route.filter} />}
      {route.page === 'run' && <RunPage key={route.runId} runId={route.runId} />}
      {route.page === 'inbox' && <InboxPage />}
      {route.page === 'settings' && <SettingsPage />}
    </Suspense>
  );
}
