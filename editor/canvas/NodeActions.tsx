import { NodeToolbar, Position } from '@xyflow/react';
import { useT } from '../i18n/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { messages } from './messages.ts';

/** Quick actions over the one selected node: mark as start, duplicate, delete. */
export function NodeActions({ nodeId, isStart }: { nodeId: string; isStart: boolean }) {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const visible = useEditorStore((state) => !state.readOnly && state.selectedNodeIds.length === 1 && state.selectedNodeIds[0] === nodeId);
  const run = (action: () => void) => () => {
    store.getState().select([nodeId]);
    action();
  };
  return (
    <NodeToolbar isVisible={visible} position={Position.Top} className="node-actions">
      {!isStart && (
        <button type="button" data-testid={`node-action-start-${nodeId}`} onClick={run(() => store.getState().setStartNode(nodeId))}>
          ▶ {t('makeStart')}
        </button>
      )}
      <button type="button" data-testid={`node-action-duplicate-${nodeId}`} onClick={run(() => store.getState().duplicate())}>
        {t('duplicate')}
      </button>
      <button type="button" className="node-actions-danger" data-testid={`node-action-delete-${nodeId}`}
        onClick={run(() => store.getState().deleteSelection())}>
        ✕ {t('delete')}
      </button>
    </NodeToolbar>
  );
}
