import { nodeOutputs, type FlowDocument, type FlowEdge, type FlowNode } from '../../schema/index.ts';
import { freshId } from './ids.ts';
import { mergeDefined } from './merge-defined.ts';
import type { XY } from './types.ts';

/** Pure document edits the store's actions are made of; each returns a new document. */

export function nodeById(document: FlowDocument, id: string): FlowNode | undefined {
  return document.nodes.find((node) => node.id === id);
}

export function edgeIds(document: FlowDocument): Set<string> {
  return new Set(document.edges.map((edge) => edge.id));
}

/** Adds an edge from one output, replacing the edge that output had (each output has at most one). */
export function connectOutput(
  document: FlowDocument,
  connection: { source: string; sourceHandle: string; target: string },
): { document: FlowDocument; edgeId: string } | null {
  const source = nodeById(document, connection.source);
  if (!source || !nodeById(document, connection.target)) return null;
  if (!nodeOutputs(source).includes(connection.sourceHandle)) return null;
  const kept = document.edges.filter(
    (edge) => !(edge.source === connection.source && edge.sourceHandle === connection.sourceHandle),
  );
  const id = freshId('e', edgeIds(document), true);
  const edge: FlowEdge = { id, ...connection };
  return { document: { ...document, edges: [...kept, edge] }, edgeId: id };
}

/** Removes nodes with every edge touching them, plus the given edges. */
export function removeElements(document: FlowDocument, nodeIds: Iterable<string>, edgeIdsToRemove: Iterable<string>): FlowDocument {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIdsToRemove);
  if (nodes.size === 0 && edges.size === 0) return document;
  return {
    ...document,
    nodes: document.nodes.filter((node) => !nodes.has(node.id)),
    edges: document.edges.filter((edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target)),
  };
}

/** Drops the edges of `node` that leave through an output it no longer has (a deleted option, branch…). */
export function pruneDanglingEdges(document: FlowDocument, node: FlowNode): FlowDocument {
  const outputs = new Set(nodeOutputs(node));
  const edges = document.edges.filter((edge) => edge.source !== node.id || outputs.has(edge.sourceHandle));
  return edges.length === document.edges.length ? document : { ...document, edges };
}

export function replaceNode(document: FlowDocument, next: FlowNode): FlowDocument {
  return { ...document, nodes: document.nodes.map((node) => (node.id === next.id ? next : node)) };
}

export function updateData(document: FlowDocument, id: string, patch: Partial<FlowNode['data']>): FlowDocument {
  const node = nodeById(document, id);
  if (!node) return document;
  const next = { ...node, data: mergeDefined<Record<string, unknown>>(node.data, patch) } as FlowNode;
  return pruneDanglingEdges(replaceNode(document, next), next);
}

export function movePositions(document: FlowDocument, positions: Record<string, XY>): FlowDocument {
  let moved = false;
  const nodes = document.nodes.map((node) => {
    const to = positions[node.id];
    if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
    moved = true;
    return { ...node, position: { x: to.x, y: to.y } };
  });
  return moved ? { ...document, nodes } : document;
}
