import { useEffect, useState } from 'react';
import type { FlowDocument } from '../../schema/index.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { DiffSide, VersionSummary } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { useEditorStoreApi } from '../store/index.ts';
import { ChatView } from './chat-view.tsx';
import { messages } from './messages.ts';
import { useSimulation } from './use-simulation.ts';
import { VariablesView } from './variables-view.tsx';
import './simulator.css';

interface SimulatorPanelProps {
  api: Pick<ApiClient, 'startSimulation' | 'sendSimulationMessage' | 'resolveSimulation' | 'getVersion' | 'listVersions'>;
  flowId: string;
  flowName: string;
  /** Saves the draft so the server simulates what the canvas shows; false if it could not. */
  saveDraft(): Promise<boolean>;
  /** Bumped when versions change (a publish), to refresh the source list. */
  versionsKey?: number;
}

/** Chat with the flow as a customer would, on the draft or any version, following it on the canvas. */
export function SimulatorPanel({ api, flowId, flowName, saveDraft, versionsKey }: SimulatorPanelProps) {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const [source, setSource] = useState<DiffSide>('draft');
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const { view, start, send, resolveHandoff } = useSimulation({
    api,
    flowId,
    async draftDocument(): Promise<FlowDocument> {
      await saveDraft();
      return store.getState().document;
    },
    onActiveNode(nodeId) {
      // Follow the conversation: highlight the node it waits on and bring it into view.
      store.getState().setHighlightedNode(nodeId);
      if (nodeId) store.getState().reveal(nodeId);
    },
    statusText: { ended: t('ended'), handoff: t('handoff'), error: t('errorStatus') },
  });

  useEffect(() => { api.listVersions(flowId).then(setVersions, () => setVersions([])); }, [api, flowId, versionsKey]);
  useEffect(() => () => store.getState().setHighlightedNode(null), [store]);

  const restart = (next: DiffSide = source) => { setSource(next); void start(next); };

  return (
    <aside className="side-panel simulator-panel" data-testid="simulator-panel">
      <div className="side-panel-header">
        <h2>{t('title')}</h2>
        <select className="select select-small" aria-label={t('source')} data-testid="sim-source" value={String(source)}
          onChange={(event) => restart(event.target.value === 'draft' ? 'draft' : Number(event.target.value))}>
          <option value="draft">{t('draft')}</option>
          {versions.map((version) => <option key={version.version} value={version.version}>{t('version', { version: version.version })}</option>)}
        </select>
        <button className="btn btn-small" data-testid="sim-restart" onClick={() => restart()}>{view.simulationId ? t('restart') : t('start')}</button>
      </div>
      <div className="phone">
        <div className="wa-topbar">
          <span className="wa-avatar" aria-hidden="true">{flowName.trim().charAt(0).toUpperCase()}</span>
          <span>
            <span className="wa-contact">{flowName}</span>
            <span className="wa-presence">{view.busy ? t('typing') : t('online')}</span>
          </span>
        </div>
        {view.simulationId === null && !view.busy && view.entries.length === 0
          ? <div className="wa-screen wa-start"><button className="btn btn-primary" data-testid="sim-start" onClick={() => restart()}>{t('start')}</button></div>
          : <ChatView entries={view.entries} busy={view.busy} disabled={view.simulationId === null || view.status === 'ended'} onSend={(message) => void send(message)} />}
      </div>
      {view.status === 'handoff' && (
        <button className="btn btn-small" data-testid="sim-resolve" disabled={view.busy} onClick={() => void resolveHandoff()}>{t('resolveHandoff')}</button>
      )}
      <VariablesView variables={view.variables} activeNodeId={view.activeNodeId} />
    </aside>
  );
}
