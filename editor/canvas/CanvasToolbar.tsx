import { useReactFlow } from '@xyflow/react';
import { useT } from '../i18n/index.ts';
import { canRedo, canUndo, useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { messages } from './messages.ts';

/**
 * Undo, redo, automatic layout (then shown at a readable zoom, `showReadable`), find and fit view
 * (the whole flow, however small), floating over the canvas.
 */
export function CanvasToolbar({ onFind, showReadable }: { onFind(): void; showReadable(options: { duration: number }): Promise<void> }) {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const { fitView } = useReactFlow();
  const undoable = useEditorStore(canUndo);
  const redoable = useEditorStore(canRedo);
  const readOnly = useEditorStore((state) => state.readOnly);
  return (
    <div className="canvas-toolbar">
      {readOnly && <span className="canvas-readonly" data-testid="canvas-readonly">{t('readOnly')}</span>}
      {!readOnly && (
        <>
          <button type="button" data-testid="canvas-undo" title={t('undo')} aria-label={t('undo')} disabled={!undoable}
            onClick={() => store.getState().undo()}>↶</button>
          <button type="button" data-testid="canvas-redo" title={t('redo')} aria-label={t('redo')} disabled={!redoable}
            onClick={() => store.getState().redo()}>↷</button>
          <button type="button" data-testid="canvas-layout" title={t('layout')} aria-label={t('layout')}
            onClick={() => { store.getState().layout(); void showReadable({ duration: 300 }); }}>⊞</button>
        </>
      )}
      <button type="button" data-testid="canvas-find" title={t('find')} aria-label={t('find')} onClick={onFind}>⌕</button>
      <button type="button" data-testid="canvas-fit" title={t('fitView')} aria-label={t('fitView')} onClick={() => fitView({ duration: 300 })}>⤢</button>
    </div>
  );
}
