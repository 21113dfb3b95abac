import { useT } from '../../i18n/index.ts';
import { useEditorStore, useEditorStoreApi } from '../../store/index.ts';
import { messages } from './messages.ts';

/** The flow's name in the editor header (cut with an ellipsis when long, whole in its tooltip), editable in place (one undo step per edit). */
export function FlowNameField() {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const name = useEditorStore((state) => state.document.name);
  const readOnly = useEditorStore((state) => state.readOnly);
  return (
    <input className="flow-name-field" data-testid="flow-name" value={name} readOnly={readOnly} aria-label={t('flowName')} title={name}
      size={Math.max(8, Math.min(40, name.length + 1))}
      onChange={(event) => {
        if (event.target.value.trim() !== '') store.getState().updateFlowInfo({ name: event.target.value });
      }}
      onBlur={() => store.getState().endGesture()} />
  );
}
