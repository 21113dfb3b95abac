import './palette.css';
import type { CSSProperties } from 'react';
import { NODE_KINDS } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { nodeEditors, nodeMessages } from '../nodes/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { messages } from './messages.ts';
import { NODE_KIND_MIME } from './types.ts';

/** Every node kind, to drag onto the canvas (or click: it lands in the middle of the view, clear of other cards). Hidden in read-only mode. */
export function Palette() {
  const t = useT(messages);
  const tn = useT(nodeMessages);
  const store = useEditorStoreApi();
  const readOnly = useEditorStore((state) => state.readOnly);
  if (readOnly) return null;

  return (
    <nav className="palette" aria-label={t('palette')}>
      <h3 className="palette-title">{t('palette')}</h3>
      <p className="palette-hint">{t('paletteHint')}</p>
      <ul className="palette-list">
        {NODE_KINDS.map((kind) => {
          const editor = nodeEditors[kind];
          return (
            <li key={kind}>
              <button
                type="button"
                className="palette-item"
                data-testid={`palette-${kind}`}
                draggable
                style={{ '--node-color': editor.color } as CSSProperties}
                onDragStart={(event) => {
                  event.dataTransfer.setData(NODE_KIND_MIME, kind);
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onClick={() => store.getState().addNodeInView(kind)}
              >
                <span className="palette-icon" aria-hidden>{editor.icon}</span>
                {tn(editor.label)}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
