import { useEffect, useRef, useState } from 'react';
import type { FlowDocument } from '../../schema/index.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { DiffSide, VersionSummary } from '../api/types.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { usePlural } from '../i18n/plural.ts';
import { useEditorStoreApi, type EditorStore } from '../store/index.ts';
import { ChatView } from './chat-view.tsx';
import { messages } from './messages.ts';
import { undeliveredText } from './undelivered-text.ts';
import { adaptationText } from './adaptation-text.ts';
import { inbound } from './inbound-messages.ts';
import { useSimulation } from './use-simulation.ts';
import { TimeView, durationText } from './time-view.tsx';
import { VariablesView } from './variables-view.tsx';
import { versionView, type VersionView } from './version-view.tsx';
import './simulator.css';

interface SimulatorPanelProps {
  api: Pick<ApiClient, 'startSimulation' | 'sendSimulationMessage' | 'resolveSimulation' | 'advanceSimulation' | 'getVersion' | 'listVersions'>;
  flowId: string;
  flowName: string;
  /** Saves the draft so the server simulates what the canvas shows; false if it could not. */
  saveDraft(): Promise<boolean>;
  /** Bumped when versions change (a publish), to refresh the source list. */
  versionsKey?: number;
  /**
   * While a version is simulated, the canvas should show it read-only (`view`), and the draft again
   * with null (the draft simulated, the panel closed). Without it, versions light nothing on the canvas.
   */
  onVersionView?(view: VersionView | null): void;
}

/** Chat with the flow as a customer would, on the draft or any version, following it on the canvas. */
export function SimulatorPanel({ api, flowId, flowName, saveDraft, versionsKey, onVersionView }: SimulatorPanelProps) {
  const t = useT(messages);
  const tp = usePlural(messages);
  const locale = useLocale((state) => state.locale);
  const store = useEditorStoreApi();
  const [source, setSource] = useState<DiffSide>('draft');
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  // The store whose canvas shows the simulated document: the draft's, or a version's own (never the draft's).
  const canvas = useRef<EditorStore | null>(store);
  const showVersion = useRef(onVersionView);
  showVersion.current = onVersionView;
  const { view, start, send, resolveHandoff, advance } = useSimulation({
    api,
    flowId,
    async draftDocument(): Promise<FlowDocument> {
      await saveDraft();
      return store.getState().document;
    },
    onDocument(started, document) {
      const view = started === 'draft' || !showVersion.current ? null : versionView(started, document);
      canvas.current = started === 'draft' ? store : view?.store ?? null;
      showVersion.current?.(view);
    },
    onActiveNode(nodeId) {
      // Follow the conversation: highlight the node it waits on and bring it into view.
      canvas.current?.getState().setHighlightedNode(nodeId);
      if (nodeId) canvas.current?.getState().reveal(nodeId);
    },
    statusText: { ended: t('ended'), handoff: t('handoff'), error: t('errorStatus') },
    undeliveredText: (problem) => undeliveredText(problem, t),
    adaptationText: (adaptation) => adaptationText(adaptation, t),
    advancedText(amount, turn) {
      const moved = 'seconds' in amount ? t('advancedBy', { amount: durationText(amount.seconds, locale) }) : t('advancedToNext');
      const stopped = turn.stoppedAfter === undefined ? '' : ` ${t('stoppedAfter', { count: turn.stoppedAfter })}`;
      return `◷ ${moved} ${tp('firedTimers', turn.fired.length)}${stopped}`;
    },
  });

  useEffect(() => { api.listVersions(flowId).then(setVersions, () => setVersions([])); }, [api, flowId, versionsKey]);
  useEffect(() => () => {
    store.getState().setHighlightedNode(null);
    showVersion.current?.(null); // closing the simulator brings the draft back
  }, [store]);

  // Starting sends the customer's first message too (editable on the start screen): one step, not two.
  const [firstMessage, setFirstMessage] = useState(() => t('firstMessage'));
  const restart = (next: DiffSide = source, first = firstMessage.trim() === '' ? undefined : inbound.text(firstMessage.trim())) => {
    setSource(next);
    void start(next, first);
  };
  // Before the first conversation the phone offers to start it, and says the customer speaks first (the
  // server says nothing until then), the same for every role; the header then offers a restart.
  const atStart = view.simulationId === null && !view.busy && view.entries.length === 0;

  return (
    <aside className="side-panel simulator-panel" data-testid="simulator-panel">
      <div className="side-panel-header">
        <h2>{t('title')}</h2>
        <select className="select select-small" aria-label={t('source')} data-testid="sim-source" value={String(source)}
          onChange={(event) => restart(event.target.value === 'draft' ? 'draft' : Number(event.target.value))}>
          <option value="draft">{t('draft')}</option>
          {versions.map((version) => <option key={version.version} value={version.version}>{t('version', { version: version.version })}</option>)}
        </select>
        {!atStart && <button className="btn btn-small" data-testid="sim-restart" onClick={() => restart()}>{t('restart')}</button>}
      </div>
      <div className="phone">
        <div className="wa-topbar">
          <span className="wa-avatar" aria-hidden="true">{flowName.trim().charAt(0).toUpperCase()}</span>
          <span>
            <span className="wa-contact">{flowName}</span>
            {/* A delay's pause (its pending `next`) shows "typing…", as WhatsApp's typing indicator does live. */}
            <span className="wa-presence">{view.busy || view.timers[0]?.output === 'next' ? t('typing') : t('online')}</span>
          </span>
        </div>
        {atStart
          ? <form className="wa-screen wa-start" data-testid="sim-start-screen" onSubmit={(event) => { event.preventDefault(); restart(); }}>
              <label className="wa-system" htmlFor="sim-first-message" data-testid="sim-start-hint">{t('firstMessageHint')}</label>
              <input id="sim-first-message" className="input wa-first-message" data-testid="sim-first-message" value={firstMessage}
                onChange={(event) => setFirstMessage(event.target.value)} />
              <button type="submit" className="btn btn-primary" data-testid="sim-start">{t('start')}</button>
              {/* WhatsApp's request_welcome: the customer opened the chat and wrote nothing (live, it starts the welcome too). */}
              <button type="button" className="btn btn-small" data-testid="sim-open-chat" title={t('openChatHint')}
                onClick={() => restart(source, inbound.requestWelcome())}>◎ {t('openChatFirst')}</button>
            </form>
          : <ChatView entries={view.entries} busy={view.busy} disabled={view.simulationId === null || view.status === 'ended'} onSend={(message) => void send(message)} />}
      </div>
      {view.status === 'handoff' && (
        <button className="btn btn-small" data-testid="sim-resolve" disabled={view.busy} onClick={() => void resolveHandoff()}>{t('resolveHandoff')}</button>
      )}
      {!atStart && (
        <TimeView clock={view.clock} timers={view.timers} disabled={view.busy || view.simulationId === null} onAdvance={(amount) => void advance(amount)} />
      )}
      <VariablesView variables={view.variables} activeNodeId={view.activeNodeId} />
    </aside>
  );
}
