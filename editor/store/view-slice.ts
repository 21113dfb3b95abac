import type { StateCreator } from 'zustand';
import type { EditorState, ViewSlice } from './types.ts';

/** What the canvas shows around the document: read-only mode, simulator and diff highlights, focus requests. */
export const viewSlice: StateCreator<EditorState, [], [], ViewSlice> = (set, get) => ({
  readOnly: false,
  highlightedNodeId: null,
  diffMarks: null,
  analytics: null,
  litPath: null,
  measured: {},
  layoutSizes: {},
  readVisibleArea: () => null,
  revealRequest: null,
  focusRequest: null,
  settingsOpen: false,
  settingsFocusRequest: null,
  startDeletionPending: false,

  requestDeleteSelection() {
    const state = get();
    if (state.readOnly) return;
    // Without a start node the flow cannot run: losing it by a stray Delete key deserves a question.
    if (state.selectedNodeIds.includes(state.document.startNodeId)) set({ startDeletionPending: true });
    else state.deleteSelection();
  },

  confirmStartDeletion(confirmed) {
    set({ startDeletionPending: false });
    if (confirmed) get().deleteSelection();
  },

  setReadOnly(readOnly) {
    set({ readOnly });
  },

  setHighlightedNode(id) {
    if (get().highlightedNodeId !== id) set({ highlightedNodeId: id });
  },

  setDiffMarks(marks) {
    set({ diffMarks: marks });
  },

  setAnalytics(figures) {
    set({ analytics: figures });
  },

  setLitPath(nodeIds) {
    if (nodeIds === null) return set({ litPath: null });
    const steps = new Set(nodeIds.slice(1).map((target, index) => `${nodeIds[index]}\n${target}`));
    const edges = get().document.edges.filter((edge) => steps.has(`${edge.source}\n${edge.target}`)).map((edge) => edge.id);
    set({ litPath: { nodes: nodeIds, edges } });
  },

  setMeasured(sizes, detailed = true) {
    const { measured, layoutSizes } = get();
    set({ measured: { ...measured, ...sizes }, ...(detailed && { layoutSizes: { ...layoutSizes, ...sizes } }) });
  },

  setVisibleAreaReader(reader) {
    set({ readVisibleArea: reader });
  },

  reveal(nodeId) {
    set({ revealRequest: { nodeId, nonce: (get().revealRequest?.nonce ?? 0) + 1 } });
  },

  focusField(nodeId, field) {
    set({ focusRequest: { nodeId, field, nonce: (get().focusRequest?.nonce ?? 0) + 1 } });
  },

  openSettings(field) {
    const nonce = (get().settingsFocusRequest?.nonce ?? 0) + 1;
    set({ settingsOpen: true, selectedNodeIds: [], selectedEdgeIds: [], gestureKey: null, ...(field !== undefined && { settingsFocusRequest: { field, nonce } }) });
  },

  closeSettings() {
    set({ settingsOpen: false });
  },
});
