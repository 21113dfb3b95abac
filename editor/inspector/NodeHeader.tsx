import type { FlowNode } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { nodeEditor, useKindName } from '../nodes/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { TextField } from './fields/index.ts';
import { messages } from './messages.ts';

/** The part every inspector shares: kind, id, canvas name, start marker and delete. */
export function NodeHeader({ node }: { node: FlowNode }) {
  const t = useT(messages);
  const kindName = useKindName();
  const store = useEditorStoreApi();
  const isStart = useEditorStore((state) => state.document.startNodeId === node.id);
  const readOnly = useEditorStore((state) => state.readOnly);
  const editor = nodeEditor(node.type);
  return (
    <header className="inspector-head" style={{ borderColor: editor.color }}>
      <div className="inspector-kind">
        <span className="inspector-icon" style={{ background: editor.color }} aria-hidden>{editor.icon}</span>
        <div>
          <div className="inspector-kind-name">{kindName(node.type)}</div>
          <code className="inspector-id">{t('nodeId')}: {node.id}</code>
        </div>
      </div>
      <TextField name="label" label={t('nodeLabel')} value={node.label ?? ''} placeholder={kindName(node.type)}
        onChange={(label) => store.getState().setNodeLabel(node.id, label)} />
      {!readOnly && (
        <div className="inspector-actions">
          {isStart
            ? <span className="inspector-start" data-testid="inspector-is-start">▶ {t('isStart')}</span>
            : <button type="button" className="btn btn-small" data-testid="inspector-set-start"
                onClick={() => store.getState().setStartNode(node.id)}>▶ {t('setStart')}</button>}
          <button type="button" className="btn btn-small btn-danger" data-testid="inspector-delete"
            onClick={() => { store.getState().select([node.id]); store.getState().requestDeleteSelection(); }}>{t('deleteNode')}</button>
        </div>
      )}
    </header>
  );
}
