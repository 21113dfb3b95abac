import type { StoreApi } from 'zustand/vanilla';
import type { FlowDocument } from '../../schema/index.ts';
import type { EditorState, Validate } from './types.ts';

/**
 * Up to this many nodes every change is validated at once (a few ms). Above it, validating costs
 * tens of ms, so while the user types it runs once the edits pause, `DEFERRED_VALIDATION_MS` later.
 */
export const IMMEDIATE_VALIDATION_LIMIT = 300;
export const DEFERRED_VALIDATION_MS = 150;

/** What the slices share: how a new document is installed (revalidated, counted, selection pruned). */
export interface StoreDeps {
  validate: Validate;
  /** `immediate` validates now whatever the size (loading a document). */
  documentChange(state: EditorState, next: FlowDocument, immediate?: boolean): Partial<EditorState>;
  attach(store: StoreApi<EditorState>): void;
}

export function storeDeps(validate: Validate): StoreDeps {
  let store: StoreApi<EditorState> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function validateLater() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (store) store.setState({ problems: validate(store.getState().document).problems });
    }, DEFERRED_VALIDATION_MS);
  }

  return {
    validate,
    attach(target) {
      store = target;
    },
    documentChange(state, next, immediate = false) {
      const nodeIds = new Set(next.nodes.map((node) => node.id));
      const edgeIds = new Set(next.edges.map((edge) => edge.id));
      const selectedNodeIds = state.selectedNodeIds.filter((id) => nodeIds.has(id));
      const selectedEdgeIds = state.selectedEdgeIds.filter((id) => edgeIds.has(id));
      const now = immediate || next.nodes.length <= IMMEDIATE_VALIDATION_LIMIT;
      if (now) clearTimeout(timer);
      else validateLater();
      return {
        document: next,
        documentVersion: state.documentVersion + 1,
        ...(now && { problems: validate(next).problems }),
        // Keep the same arrays when nothing was dropped so selectors do not re-render.
        ...(selectedNodeIds.length !== state.selectedNodeIds.length && { selectedNodeIds }),
        ...(selectedEdgeIds.length !== state.selectedEdgeIds.length && { selectedEdgeIds }),
      };
    },
  };
}
