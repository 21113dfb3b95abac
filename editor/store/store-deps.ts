import type { FlowDocument } from '../../schema/index.ts';
import type { EditorState, Validate } from './types.ts';

/** What the slices share: how a new document is installed (revalidated, counted, selection pruned). */
export interface StoreDeps {
  validate: Validate;
  documentChange(state: EditorState, next: FlowDocument): Partial<EditorState>;
}

export function storeDeps(validate: Validate): StoreDeps {
  return {
    validate,
    documentChange(state, next) {
      const nodeIds = new Set(next.nodes.map((node) => node.id));
      const edgeIds = new Set(next.edges.map((edge) => edge.id));
      const selectedNodeIds = state.selectedNodeIds.filter((id) => nodeIds.has(id));
      const selectedEdgeIds = state.selectedEdgeIds.filter((id) => edgeIds.has(id));
      return {
        document: next,
        documentVersion: state.documentVersion + 1,
        problems: validate(next).problems,
        // Keep the same arrays when nothing was dropped so selectors do not re-render.
        ...(selectedNodeIds.length !== state.selectedNodeIds.length && { selectedNodeIds }),
        ...(selectedEdgeIds.length !== state.selectedEdgeIds.length && { selectedEdgeIds }),
      };
    },
  };
}
