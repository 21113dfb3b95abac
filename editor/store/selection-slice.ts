import type { StateCreator } from 'zustand';
import type { EditorState, SelectionSlice } from './types.ts';

function applyFlags(current: string[], flags: Record<string, boolean> | undefined): string[] {
  if (!flags) return current;
  const next = new Set(current);
  for (const [id, selected] of Object.entries(flags)) {
    if (selected) next.add(id);
    else next.delete(id);
  }
  const changed = next.size !== current.length || current.some((id) => !next.has(id));
  return changed ? [...next] : current;
}

/** Which nodes and edges are selected; never recorded in history. */
export const selectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set, get) => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],

  select(nodeIds, edgeIds = []) {
    set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds, gestureKey: null, ...(nodeIds.length > 0 && { settingsOpen: false }) });
  },

  setSelected(changes) {
    const state = get();
    const selectedNodeIds = applyFlags(state.selectedNodeIds, changes.nodes);
    const selectedEdgeIds = applyFlags(state.selectedEdgeIds, changes.edges);
    if (selectedNodeIds !== state.selectedNodeIds || selectedEdgeIds !== state.selectedEdgeIds) {
      // A node picked on the canvas takes the inspector's place back from the flow settings.
      set({ selectedNodeIds, selectedEdgeIds, gestureKey: null, ...(selectedNodeIds.length > 0 && { settingsOpen: false }) });
    }
  },
});
