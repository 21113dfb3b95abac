import type { StateCreator } from 'zustand';
import { nodeSets, variableFields, type FlowDocument, type FlowNode, type NodeKind } from '../../schema/index.ts';
import { createNodeData } from '../nodes/create-node-data.ts';
import { connectOutput, movePositions, nodeById, removeElements, replaceNode, updateData } from './graph.ts';
import { freshId } from './ids.ts';
import { layoutPositions } from './layout.ts';
import { connectedCardSpot, newCardSpot } from './placement.ts';
import type { DocumentSlice, EditorState, Size, XY } from './types.ts';
import type { StoreDeps } from './store-deps.ts';
import { emptyDocument } from './empty-document.ts';

/** `document` with a fresh node of `kind` at `position` (the start node when the flow has none). */
function withNewNode(document: FlowDocument, kind: NodeKind, position: XY): { document: FlowDocument; id: string } {
  const id = freshId(kind, new Set(document.nodes.map((node) => node.id)), true);
  const data = withUnusedVariables(createNodeData(kind, document.language), document);
  const node = { id, type: kind, position: { x: Math.round(position.x), y: Math.round(position.y) }, data } as FlowNode;
  const startless = document.startNodeId === '' || !nodeById(document, document.startNodeId);
  return { document: { ...document, nodes: [...document.nodes, node], ...(startless && { startNodeId: id }) }, id };
}

/**
 * A new node's data with each variable it stores renamed when the flow already uses that name
 * (`nombre` → `nombre_2`): a second question must not overwrite the first one's answer.
 */
function withUnusedVariables<D>(data: D, document: FlowDocument): D {
  const used = new Set([...(document.variables ?? []).map((variable) => variable.name), ...document.nodes.flatMap((node) => nodeSets(node))]);
  const fields = variableFields(data).filter((field) => used.has(field.name));
  if (fields.length === 0) return data;
  const copy = structuredClone(data) as Record<string | number, unknown>;
  for (const field of fields) {
    const name = freshId(field.name, used);
    used.add(name);
    const parent = field.path.slice(0, -1).reduce<Record<string | number, unknown>>((at, key) => at[key] as Record<string | number, unknown>, copy);
    parent[field.path.at(-1)!] = name;
  }
  return copy as D;
}

/** The flow document and the intents that change it; every change goes through `commit` (history). */
export const documentSlice = (deps: StoreDeps): StateCreator<EditorState, [], [], DocumentSlice> => (set, get) => {
  const initial = emptyDocument();
  return {
    document: initial,
    revision: 0,
    documentVersion: 0,
    savedVersion: 0,
    problems: deps.validate(initial).problems,

    loadDocument(document, revision) {
      const state = get();
      set({
        ...deps.documentChange(state, document, true),
        revision,
        savedVersion: state.documentVersion + 1,
        past: [],
        future: [],
        gestureKey: null,
        selectedNodeIds: [],
        selectedEdgeIds: [],
        measured: {},
        layoutSizes: {},
        highlightedNodeId: null,
        diffMarks: null,
      });
    },

    revalidate() {
      set({ problems: deps.validate(get().document).problems });
    },

    markSaved(revision, savedVersion) {
      set({ revision, savedVersion: savedVersion ?? get().documentVersion });
    },

    addNode(kind, position) {
      const { document, readOnly, commit } = get();
      if (readOnly) return null;
      const { document: next, id } = withNewNode(document, kind, position);
      commit(next);
      set({ selectedNodeIds: [id], selectedEdgeIds: [] });
      return id;
    },

    addConnectedNode(kind, from, at) {
      const { document, readOnly, commit } = get();
      if (readOnly || !nodeById(document, from.source)) return null;
      const spot = connectedCardSpot(get(), kind, at);
      const added = withNewNode(document, kind, spot);
      const connected = connectOutput(added.document, { ...from, target: added.id });
      if (!connected) return null;
      commit(connected.document);
      set({ selectedNodeIds: [added.id], selectedEdgeIds: [] });
      if (!spot.inView) get().reveal(added.id);
      return added.id;
    },

    addNodeInView(kind) {
      const { readVisibleArea, addNode } = get();
      const visible = readVisibleArea();
      const middle = visible ? { x: visible.bounds.x + visible.bounds.width / 2, y: visible.bounds.y + visible.bounds.height / 2 } : { x: 0, y: 0 };
      const spot = newCardSpot(get(), kind, (size: Size) => ({ x: middle.x - size.width / 2, y: middle.y - size.height / 2 }));
      const id = addNode(kind, spot);
      if (id && !spot.inView) get().reveal(id);
      return id;
    },

    connect(connection) {
      const { document, commit } = get();
      const result = connectOutput(document, connection);
      if (!result) return null;
      commit(result.document);
      return get().document === result.document ? result.edgeId : null;
    },

    disconnect(edgeId) {
      const { document, commit } = get();
      commit(removeElements(document, [], [edgeId]));
    },

    updateNodeData(id, patch, options) {
      const { document, commit } = get();
      const coalesce = options?.coalesce ?? `data:${id}:${Object.keys(patch).sort().join(',')}`;
      commit(updateData(document, id, patch), { coalesce });
    },

    setNodeLabel(id, label) {
      const { document, commit } = get();
      const node = nodeById(document, id);
      if (!node) return;
      const next = { ...node } as FlowNode;
      if (label.trim() === '') delete next.label;
      else next.label = label;
      commit(replaceNode(document, next), { coalesce: `label:${id}` });
    },

    moveNodes(positions, options) {
      const { document, commit } = get();
      commit(movePositions(document, positions), options);
    },

    deleteSelection() {
      const { document, commit, selectedNodeIds, selectedEdgeIds } = get();
      commit(removeElements(document, selectedNodeIds, selectedEdgeIds));
    },

    setStartNode(id) {
      const { document, commit } = get();
      if (nodeById(document, id) && document.startNodeId !== id) commit({ ...document, startNodeId: id });
    },

    layout() {
      const { document, commit, layoutSizes } = get();
      commit(movePositions(document, layoutPositions(document, layoutSizes)));
    },
  };
};
