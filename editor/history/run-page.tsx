import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { routeHref } from '../app/router.ts';
import { TopBar } from '../app/top-bar.tsx';
import type { RunDetail } from '../api/types.ts';
import { FlowEditorCanvas } from '../canvas/index.ts';
import { useErrorText } from '../i18n/error-text.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { usePlural } from '../i18n/plural.ts';
import { EditorStoreProvider } from '../store/index.ts';
import { messages } from './messages.ts';
import { runContact } from './run-contact.ts';
import { OutcomePill } from './outcome-pill.tsx';
import { Transcript } from './transcript.tsx';
import { useVersionStore } from './use-version-store.ts';
import '../simulator/simulator.css';
import '../pages/inbox/inbox.css';
import './history.css';

/**
 * One past conversation: its transcript (customer messages, the bot's and agents' replies with
 * their delivery status and errors) beside the canvas of the version it ran, with its path lit the
 * way the simulator lights the node a conversation is at, each node numbered by its step.
 */
export function RunPage({ runId }: { runId: number }) {
  const t = useT(messages);
  const tp = usePlural(messages);
  const locale = useLocale((state) => state.locale);
  const describeError = useErrorText();
  const [run, setRun] = useState<RunDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { api.getRun(runId).then(setRun, setError); }, [runId]);
  const version = useVersionStore(run?.flowId ?? null, run?.flowVersion ?? null);
  useEffect(() => {
    if (!run || !version.store) return;
    const state = version.store.getState();
    state.setLitPath(run.path);
    if (run.lastNodeId) state.reveal(run.lastNodeId);
  }, [run, version.store]);

  const who = run && runContact(run);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="page editor-page">
      <TopBar />
      <div className="run-header" data-testid="run-header">
        <a className="btn btn-ghost btn-small" href={routeHref({ page: 'history', filter: {} })}>{t('back')}</a>
        {run && who && <>
          <strong className="run-contact" data-testid="run-contact">{who.title}</strong>
          {who.detail && <span className="muted">{who.detail}</span>}
          <span className="muted">{t('flowVersion', { flow: run.flowId, version: run.flowVersion })}</span>
          <OutcomePill run={run} />
          <span className="muted small">{when.format(run.startedAt)}{run.endedAt !== null && ` · ${t('ended', { date: when.format(run.endedAt) })}`}</span>
        </>}
      </div>
      {(error ?? version.error) !== null && <p className="banner banner-error" role="alert">{describeError(error ?? version.error)}</p>}
      <div className="editor-grid">
        <div className="editor-center">
          <div className="editor-canvas-area" data-testid="run-canvas">
            {run && <div className="run-path-banner" role="status">{tp('path', run.path.length, { version: run.flowVersion })}</div>}
            {version.store && <EditorStoreProvider store={version.store}><FlowEditorCanvas /></EditorStoreProvider>}
          </div>
        </div>
        <aside className="side-panel run-transcript" aria-label={t('transcript')} data-testid="run-transcript">
          <h2>{t('transcript')}</h2>
          {run === null && error === null && <p className="muted">{t('loading')}</p>}
          {run?.messages.length === 0 && <p className="muted">{t('noMessages')}</p>}
          {run && <Transcript messages={run.messages} />}
        </aside>
      </div>
    </div>
  );
}
