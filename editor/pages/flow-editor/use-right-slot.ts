import { useState } from 'react';

/** The panels a toolbar button opens in the right slot, in place of the inspector. */
export type SidePanel = 'simulator' | 'versions';

/** Which of the slot's two tabs shows while a panel is open: the panel, or the inspector (node form or flow settings). */
export type SlotView = 'panel' | 'inspector';

export interface RightSlot {
  panel: SidePanel | null;
  view: SlotView;
  /** A toolbar button: opens its panel, brings it forward if the inspector tab hides it, closes it if it shows. */
  toggle(panel: SidePanel): void;
  show(view: SlotView): void;
}

/**
 * The right side of the editor is one slot: inspector | flow settings | simulator | versions, one at
 * a time. As in Typebot (its preview stays open while blocks are edited) and Botpress (the emulator
 * stays in the right panel while you work on the flow), selecting a node does not close a running
 * simulation: the panel keeps the slot and the inspector waits behind its tab. Asking for the inspector
 * on purpose (flow settings, a problem clicked) brings that tab forward (`RightSlot` watches the store
 * for that); the panel stays mounted. Called by the page, outside the editor store's provider.
 */
export function useRightSlot(initial: SidePanel | null): RightSlot {
  const [panel, setPanel] = useState<SidePanel | null>(initial);
  const [view, setView] = useState<SlotView>(initial ? 'panel' : 'inspector');
  function toggle(next: SidePanel) {
    if (panel === next && view === 'panel') {
      setPanel(null);
      setView('inspector');
      return;
    }
    setPanel(next);
    setView('panel');
  }
  return { panel, view, toggle, show: setView };
}
