import type { StateCreator } from 'zustand';
import type { EditorState, HistorySlice } from './types.ts';
import type { StoreDeps } from './store-deps.ts';

/** Enough to undo a long session; older steps are dropped. */
const HISTORY_LIMIT = 300;

/**
 * Undo and redo of document changes only (selection and viewport are never recorded).
 * Like tldraw's history marks: changes that share a gesture key (one drag, typing in one
 * field) form one step until `endGesture` or a change with another key.
 */
export const historySlice = (deps: StoreDeps): StateCreator<EditorState, [], [], HistorySlice> => (set, get) => ({
  past: [],
  future: [],
  gestureKey: null,

  commit(next, options) {
    const state = get();
    if (state.readOnly || next === state.document) return;
    const key = options?.coalesce ?? null;
    const joins = key !== null && key === state.gestureKey && state.past.length > 0;
    const past = joins ? state.past : [...state.past, state.document].slice(-HISTORY_LIMIT);
    set({ past, future: [], gestureKey: key, ...deps.documentChange(state, next) });
  },

  endGesture() {
    if (get().gestureKey !== null) set({ gestureKey: null });
  },

  undo() {
    const state = get();
    const previous = state.past.at(-1);
    if (state.readOnly || !previous) return;
    set({
      past: state.past.slice(0, -1),
      future: [state.document, ...state.future],
      gestureKey: null,
      ...deps.documentChange(state, previous),
    });
  },

  redo() {
    const state = get();
    const [next, ...future] = state.future;
    if (state.readOnly || !next) return;
    set({
      past: [...state.past, state.document],
      future,
      gestureKey: null,
      ...deps.documentChange(state, next),
    });
  },
});
