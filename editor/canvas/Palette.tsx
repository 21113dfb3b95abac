import './palette.css';
import type { CSSProperties } from 'react';
import { NODE_KINDS } from '../../schema/index.ts';
import { isBoolean, useStoredState } from '../app/use-stored-state.ts';
import { useT } from '../i18n/index.ts';
import { nodeEditors, useKindName } from '../nodes/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { messages } from './messages.ts';
import { NODE_KIND_MIME } from './types.ts';

/** Whether the palette is folded to its icon rail: the user's choice, across flows and visits. */
const COLLAPSED_KEY = 'charla.palette.collapsed';

/**
 * Every node kind, to drag onto the canvas (or click: it lands in the middle of the view, clear of
 * other cards). A narrow column that folds to a rail of icons (names in their tooltips) to give the
 * canvas more room. Hidden in read-only mode.
 */
export function Palette() {
  const t = useT(messages);
  const kindName = useKindName();
  const store = useEditorStoreApi();
  const readOnly = useEditorStore((state) => state.readOnly);
  const [collapsed, setCollapsed] = useStoredState('local', COLLAPSED_KEY, false, isBoolean);
  if (readOnly) return null;
  const toggleLabel = collapsed ? t('paletteExpand') : t('paletteCollapse');
  return (
    <nav className={collapsed ? 'palette palette--rail' : 'palette'} aria-label={t('palette')} data-testid="palette" data-collapsed={collapsed}>
      <div className="palette-head">
        <h3 className="palette-title" title={t('paletteHint')}>{t('palette')}</h3>
        <button type="button" className="palette-toggle" data-testid="palette-toggle" aria-expanded={!collapsed} aria-label={toggleLabel}
          title={toggleLabel} onClick={() => setCollapsed(!collapsed)}>
          <span aria-hidden>{collapsed ? '»' : '«'}</span>
        </button>
      </div>
      <ul className="palette-list">
        {NODE_KINDS.map((kind) => {
          const editor = nodeEditors[kind];
          const label = kindName(kind);
          return (
            <li key={kind}>
              <button
                type="button"
                className="palette-item"
                data-testid={`palette-${kind}`}
                draggable
                title={collapsed ? label : t('paletteHint')}
                aria-label={label}
                style={{ '--node-color': editor.color } as CSSProperties}
                onDragStart={(event) => {
                  event.dataTransfer.setData(NODE_KIND_MIME, kind);
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onClick={() => store.getState().addNodeInView(kind)}
              >
                <span className="palette-icon" aria-hidden>{editor.icon}</span>
                <span className="palette-label">{label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
