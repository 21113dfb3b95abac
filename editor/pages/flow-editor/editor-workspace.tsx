import { useCallback, useState } from 'react';
import { api } from '../../app/api.ts';
import { capabilities } from '../../app/capabilities.ts';
import { TopBar } from '../../app/top-bar.tsx';
import type { FlowDraft, Role } from '../../api/types.ts';
import { ConflictDialog } from '../../autosave/conflict-dialog.tsx';
import { RestoreDraftDialog } from '../../autosave/restore-draft-dialog.tsx';
import { useAutosave } from '../../autosave/use-autosave.ts';
import { FlowEditorCanvas } from '../../canvas/index.ts';
import { useT } from '../../i18n/index.ts';
import { Inspector, type AskKnowledge, type TryApiCall } from '../../inspector/index.ts';
import { Palette } from '../../canvas/index.ts';
import { ProblemsPanel } from '../../problems/index.ts';
import { FlowSettingsSlot } from '../../settings/index.ts';
import { SimulatorPanel } from '../../simulator/simulator-panel.tsx';
import { VersionViewBanner, type VersionView } from '../../simulator/version-view.tsx';
import { EditorStoreProvider, type EditorStore } from '../../store/index.ts';
import { NoticeToast } from '../../versions/notice-toast.tsx';
import { VersionsPanel } from '../../versions/versions-panel.tsx';
import { EditorHeader } from './editor-header.tsx';
import { messages } from './messages.ts';
import { RightSlot } from './right-slot.tsx';
import { useRightSlot } from './use-right-slot.ts';

interface EditorWorkspaceProps { store: EditorStore; draft: FlowDraft; role: Role | null }

/**
 * The flow editor: app bar, flow header (name, save state, problems, simulate, versions, publish), palette,
 * canvas, inspector, problems, and the simulator or versions panel on the right.
 */
export function EditorWorkspace({ store, draft, role }: EditorWorkspaceProps) {
  const t = useT(messages);
  const can = capabilities(role);
  const { autosave, status } = useAutosave({ store, flowId: draft.id, api });
  const slot = useRightSlot(can.edit ? null : 'simulator');
  const [liveVersion, setLiveVersion] = useState(draft.liveVersion);
  const [versionsKey, setVersionsKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  // A version being simulated shows on the canvas read-only, from a store of its own (never the draft's).
  const [versionView, setVersionView] = useState<VersionView | null>(null);
  const canvasStore = versionView?.store ?? store;
  const saveDraft = () => (can.edit ? autosave.flush() : Promise.resolve(true));
  // The server looks the node up in the stored draft: save first, so a node just added can be tried.
  const tryApiCall = useCallback<TryApiCall>(async (nodeId, data, variables) => {
    await autosave.flush();
    return api.tryApiCall(draft.id, nodeId, data, variables);
  }, [autosave, draft.id]);
  // The knowledge being edited goes along, saved or not: the analyst tries what they see.
  const askKnowledge = useCallback<AskKnowledge>((question, minConfidence) =>
    api.askKnowledge(draft.id, question, store.getState().document.knowledge ?? [], minConfidence), [draft.id, store]);
  const loadMetaFlows = useCallback(() => api.listMetaFlows(draft.id), [draft.id]);

  return (
    <EditorStoreProvider store={store}>
      <div className="page editor-page" data-testid="editor-page">
        <TopBar />
        <EditorHeader can={can} status={status} slot={slot} flowId={draft.id} liveVersion={liveVersion} saveDraft={saveDraft}
          onPublished={(version) => {
            setLiveVersion(version);
            setVersionsKey((key) => key + 1);
            setNotice(t('published', { version }));
          }} />
        <div className="editor-grid">
          <EditorStoreProvider store={canvasStore} key={versionView?.key ?? 'draft'}>
            {can.edit && <Palette />}
            <div className="editor-center">
              <div className="editor-canvas-area">
                {versionView && <VersionViewBanner view={versionView} />}
                <FlowEditorCanvas />
                <NoticeToast notice={notice} onDismiss={() => setNotice(null)} />
              </div>
              <ProblemsPanel />
            </div>
          </EditorStoreProvider>
          <RightSlot slot={slot} panelLabel={slot.panel === 'versions' ? t('versions') : t('simulatorTab')}
            inspector={<EditorStoreProvider store={canvasStore}><FlowSettingsSlot><Inspector loadMetaFlows={loadMetaFlows} {...(can.edit && { tryApiCall, askKnowledge })} /></FlowSettingsSlot></EditorStoreProvider>}
            panel={slot.panel === 'simulator' ? (
              <SimulatorPanel api={api} flowId={draft.id} flowName={store.getState().document.name} saveDraft={saveDraft} versionsKey={versionsKey} onVersionView={setVersionView} />
            ) : slot.panel === 'versions' && (
              <VersionsPanel api={api} flowId={draft.id} canPublish={can.publish} liveVersion={liveVersion} saveDraft={saveDraft}
                versionsKey={versionsKey}
                onLiveChange={(version) => { setLiveVersion(version); setNotice(t('liveChanged', { version })); }} />
            )} />
        </div>
        {status.state === 'conflict' && <ConflictDialog autosave={autosave} />}
        {can.edit && <RestoreDraftDialog autosave={autosave} />}
      </div>
    </EditorStoreProvider>
  );
}
