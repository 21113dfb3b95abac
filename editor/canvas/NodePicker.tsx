import { createContext, useContext, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { NODE_KINDS, type NodeKind } from '../../schema/index.ts';
import { useDismiss } from '../app/use-dismiss.ts';
import { useT } from '../i18n/index.ts';
import { nodeEditors, useKindName } from '../nodes/index.ts';
import type { XY } from '../store/index.ts';
import { messages } from './messages.ts';

/** An output a new node will be connected from, and where (screen pixels) the picker opens. */
export interface PickerRequest { source: string; sourceHandle: string; client: XY }

/** Lets a card's "+" on an unconnected output open the canvas's node picker. */
export const NodePickerContext = createContext<(request: PickerRequest) => void>(() => {});
export const useOpenNodePicker = () => useContext(NodePickerContext);

/**
 * The node kinds to add after an output, as React Flow documents for a connection let go on empty
 * canvas: a small menu where the pointer was; typing filters it, Enter takes the first, Escape or a
 * click outside closes it. `at` is relative to the canvas's top-left corner.
 */
export function NodePicker({ at, onPick, onClose }: { at: XY; onPick: (kind: NodeKind) => void; onClose: () => void }) {
  const t = useT(messages);
  const kindName = useKindName();
  const [query, setQuery] = useState('');
  const container = useRef<HTMLDivElement>(null);
  const noFocus = useRef<HTMLElement>(null);
  useDismiss(true, container, onClose, noFocus);
  const needle = query.trim().toLocaleLowerCase();
  const kinds = NODE_KINDS.filter((kind) => needle === '' || kindName(kind).toLocaleLowerCase().includes(needle));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && kinds[0]) onPick(kinds[0]);
  };
  return (
    <div ref={container} className="node-picker nodrag nopan nowheel" data-testid="node-picker" role="dialog" aria-label={t('pickerTitle')}
      style={{ left: at.x, top: at.y }}>
      <input className="node-picker-search" data-testid="node-picker-search" autoFocus value={query} placeholder={t('pickerSearch')}
        aria-label={t('pickerSearch')} onChange={(event) => setQuery(event.target.value)} onKeyDown={onKeyDown} />
      <ul className="node-picker-list">
        {kinds.map((kind) => (
          <li key={kind}>
            <button type="button" className="node-picker-item" data-testid={`node-picker-${kind}`}
              style={{ '--node-color': nodeEditors[kind].color } as CSSProperties} onClick={() => onPick(kind)}>
              <span className="palette-icon" aria-hidden>{nodeEditors[kind].icon}</span>
              <span>{kindName(kind)}</span>
            </button>
          </li>
        ))}
        {kinds.length === 0 && <li className="node-picker-none">{t('findNone')}</li>}
      </ul>
    </div>
  );
}
