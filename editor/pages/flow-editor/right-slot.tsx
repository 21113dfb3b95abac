import './flow-editor.css';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { isNumber, useStoredState } from '../../app/use-stored-state.ts';
import { useT } from '../../i18n/index.ts';
import { useEditorStore } from '../../store/index.ts';
import { messages } from './messages.ts';
import { clampSlotWidth, SLOT_WIDTH, SlotResizer } from './slot-resizer.tsx';
import type { RightSlot as Slot } from './use-right-slot.ts';

/** The slot's width is the user's, across flows and visits. */
const WIDTH_KEY = 'charla.rightSlot.width';

/** The flow settings opened or a problem clicked: the user asked for the inspector, so its tab comes forward. */
function useInspectorRequests({ show }: Slot) {
  const settingsOpen = useEditorStore((state) => state.settingsOpen);
  const focusNonce = useEditorStore((state) => state.focusRequest?.nonce ?? 0);
  const seenNonce = useRef(focusNonce);
  useEffect(() => {
    if (settingsOpen) show('inspector');
  }, [settingsOpen, show]);
  useEffect(() => {
    if (focusNonce === seenNonce.current) return;
    seenNonce.current = focusNonce;
    show('inspector');
  }, [focusNonce, show]);
}

interface RightSlotProps {
  slot: Slot;
  /** The open panel's name on its tab (Simulador, Versiones). */
  panelLabel: string;
  /** The open panel (simulator or versions); kept mounted behind the inspector tab, so a conversation survives. */
  panel: ReactNode;
  /** The node inspector, or the flow settings in its place. */
  inspector: ReactNode;
}

/**
 * The editor's right side, one fixed-width column (resizable from its left edge): the inspector, or
 * an open panel with a tab back to the inspector. The canvas never jumps when the selection changes kind.
 */
export function RightSlot({ slot, panelLabel, panel, inspector }: RightSlotProps) {
  const t = useT(messages);
  const [stored, setWidth] = useStoredState('local', WIDTH_KEY, SLOT_WIDTH.initial, isNumber);
  const width = clampSlotWidth(stored);
  const settingsOpen = useEditorStore((state) => state.settingsOpen);
  const selectedCount = useEditorStore((state) => state.selectedNodeIds.length);
  useInspectorRequests(slot);
  const ids = useId();
  const tabbed = slot.panel !== null;
  const pane = (tab: 'panel' | 'inspector') => (tabbed ? { role: 'tabpanel', id: `${ids}-${tab}`, 'aria-labelledby': `${ids}-${tab}-tab` } : {});
  const tab = (name: 'panel' | 'inspector') => ({ id: `${ids}-${name}-tab`, 'aria-controls': `${ids}-${name}` });
  const showPanel = slot.panel !== null && slot.view === 'panel';
  const inspectorLabel = settingsOpen ? t('settingsTab') : t('inspectorTab');

  return (
    <div className="right-slot" data-testid="right-slot" data-view={showPanel ? slot.panel : settingsOpen ? 'settings' : 'inspector'} style={{ width }}>
      <SlotResizer width={width} onResize={setWidth} />
      {tabbed && (
        <div className="right-slot-tabs" role="tablist" aria-label={t('sideSlot')}>
          <button type="button" role="tab" className="right-slot-tab" data-testid="slot-tab-panel" aria-selected={showPanel} {...tab('panel')}
            onClick={() => slot.show('panel')}>{panelLabel}</button>
          <button type="button" role="tab" className="right-slot-tab" data-testid="slot-tab-inspector" aria-selected={!showPanel} {...tab('inspector')}
            onClick={() => slot.show('inspector')}>
            {inspectorLabel}
            {showPanel && selectedCount > 0 && !settingsOpen && <span className="right-slot-dot" aria-label={t('nodeSelected')} />}
          </button>
        </div>
      )}
      {tabbed && <div className="right-slot-pane" hidden={!showPanel} {...pane('panel')}>{panel}</div>}
      <div className="right-slot-pane" hidden={showPanel} {...pane('inspector')}>{inspector}</div>
    </div>
  );
}
