import { Dialog } from '../app/dialog.tsx';
import { useT } from '../i18n/index.ts';
import { useNodeTitle } from '../nodes/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { messages } from './messages.ts';

/** Asks before the start node goes (Delete, cut, the toolbar's ✕ or the inspector's button): without it the flow cannot run. */
export function StartDeletionDialog() {
  const t = useT(messages);
  const title = useNodeTitle();
  const store = useEditorStoreApi();
  const start = useEditorStore((state) => (state.startDeletionPending ? state.document.nodes.find((node) => node.id === state.document.startNodeId) : undefined));
  if (!start) return null;
  const answer = (confirmed: boolean) => store.getState().confirmStartDeletion(confirmed);
  return (
    <Dialog title={t('deleteStartTitle')} testId="delete-start-dialog" onDismiss={() => answer(false)}
      actions={<>
        <button className="btn" autoFocus onClick={() => answer(false)}>{t('deleteStartKeep')}</button>
        <button className="btn btn-danger" data-testid="delete-start-confirm" onClick={() => answer(true)}>{t('deleteStartConfirm')}</button>
      </>}>
      <p>{t('deleteStartBody', { name: title(start) })}</p>
    </Dialog>
  );
}
