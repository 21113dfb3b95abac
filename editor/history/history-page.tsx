import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../app/api.ts';
import { navigate, routeHref } from '../app/router.ts';
import { useSession } from '../app/session.ts';
import { TopBar } from '../app/top-bar.tsx';
import type { FlowSummary, RunSummary } from '../api/types.ts';
import { useErrorText } from '../i18n/error-text.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { usePlural } from '../i18n/plural.ts';
import { historyQuery, RUN_OUTCOMES, type HistoryFilter } from './history-filter.ts';
import { messages } from './messages.ts';
import { runContact } from './run-contact.ts';
import { OutcomePill } from './outcome-pill.tsx';
import './history.css';

const FIELDS = ['flowId', 'version', 'contact', 'outcome', 'from', 'to'] as const;

/**
 * Conversation history: every run of the flows (one pass of a version with one contact), newest
 * first, searched by flow, version, contact, outcome and date; a row opens its transcript and path.
 * The filters live in the URL, so a search can be linked to (the inbox links to the handed-off ones).
 */
export function HistoryPage({ filter }: { filter: HistoryFilter }) {
  const t = useT(messages);
  const tp = usePlural(messages);
  const locale = useLocale((state) => state.locale);
  const describeError = useErrorText();
  const masked = useSession((state) => state.me?.role === 'tester');
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [form, setForm] = useState<HistoryFilter>(filter);
  const filterKey = JSON.stringify(filter);

  useEffect(() => { api.listFlows().then(setFlows, () => undefined); }, []);
  useEffect(() => {
    const current = JSON.parse(filterKey) as HistoryFilter;
    setForm(current);
    setRuns(null);
    setError(null);
    let live = true;
    api.listRuns(historyQuery(current)).then((list) => { if (live) setRuns(list); }, (failure: unknown) => { if (live) setError(failure); });
    return () => { live = false; };
  }, [filterKey]);

  const names = new Map(flows.map((flow) => [flow.id, flow.name]));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const search = (next: HistoryFilter) => navigate({ page: 'history', filter: Object.fromEntries(FIELDS.flatMap((key) => (next[key] ? [[key, next[key]]] : []))) });
  const set = (key: keyof HistoryFilter) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  function submit(event: FormEvent) {
    event.preventDefault();
    search(form);
  }

  return (
    <div className="page">
      <TopBar />
      <main className="page-body history" data-testid="history-page">
        <div className="page-heading"><h1>{t('title')}</h1>{runs && <span className="muted">{tp('count', runs.length)}</span>}</div>
        <form className="history-filters" onSubmit={submit} data-testid="history-filters">
          <label className="field"><span>{t('flow')}</span>
            <select value={form.flowId ?? ''} onChange={set('flowId')} data-testid="history-flow">
              <option value="">{t('anyFlow')}</option>
              {flows.map((flow) => <option key={flow.id} value={flow.id}>{flow.name}</option>)}
            </select>
          </label>
          <label className="field history-field-narrow"><span>{t('version')}</span>
            <input type="number" min={1} value={form.version ?? ''} onChange={set('version')} data-testid="history-version" />
          </label>
          <label className="field"><span>{t('contact')}</span>
            <input type="search" value={form.contact ?? ''} placeholder={t('contactPlaceholder')} onChange={set('contact')} data-testid="history-contact" />
          </label>
          <label className="field"><span>{t('outcome')}</span>
            <select value={form.outcome ?? ''} onChange={set('outcome')} data-testid="history-outcome">
              <option value="">{t('anyOutcome')}</option>
              {RUN_OUTCOMES.map((outcome) => <option key={outcome} value={outcome}>{t(`outcome_${outcome}`)}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('from')}</span><input type="date" value={form.from ?? ''} onChange={set('from')} data-testid="history-from" /></label>
          <label className="field"><span>{t('to')}</span><input type="date" value={form.to ?? ''} onChange={set('to')} data-testid="history-to" /></label>
          <div className="history-filter-actions">
            <button className="btn btn-primary" data-testid="history-search">{t('search')}</button>
            <button type="button" className="btn btn-ghost" onClick={() => search({})}>{t('clear')}</button>
          </div>
        </form>
        {masked && <p className="banner" data-testid="history-masked">{t('masked')}</p>}
        {error !== null && <p className="banner banner-error" role="alert">{describeError(error)}</p>}
        {runs === null && error === null && <p className="muted">{t('loading')}</p>}
        {runs?.length === 0 && <p className="empty-state">{t('empty')}</p>}
        {runs && runs.length > 0 && (
          <table className="flow-table history-table">
            <thead><tr><th>{t('started')}</th><th>{t('contact')}</th><th>{t('flow')}</th><th>{t('outcome')}</th><th>{t('lastNode')}</th></tr></thead>
            <tbody>
              {runs.map((run) => {
                const who = runContact(run);
                return (
                  <tr key={run.id} data-testid="history-row" data-run={run.id} data-outcome={run.outcome} onClick={() => navigate({ page: 'run', runId: run.id })}>
                    <td><a className="flow-name" href={routeHref({ page: 'run', runId: run.id })}>{when.format(run.startedAt)}</a></td>
                    <td><span className="history-contact">{who.title}</span>{who.detail && <span className="muted small"> · {who.detail}</span>}</td>
                    <td>{t('flowVersion', { flow: names.get(run.flowId) ?? run.flowId, version: run.flowVersion })}</td>
                    <td><OutcomePill run={run} /></td>
                    <td className="muted">{run.lastNodeId ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}
