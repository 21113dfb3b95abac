import { isNodeKind, type FlowDocument, type FlowEdge, type FlowNode } from '../../schema/index.ts';
import { freshId } from './ids.ts';
import type { XY } from './types.ts';

/** Marks JSON text on the system clipboard as Charla nodes, so pasting into another flow works. */
export const CLIPBOARD_FORMAT = 'charla/nodes';

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  version: 1;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** The given nodes and the edges between them, as clipboard text; `null` when no node is given. */
export function serializeNodes(document: FlowDocument, nodeIds: readonly string[]): string | null {
  const ids = new Set(nodeIds);
  const nodes = document.nodes.filter((node) => ids.has(node.id));
  if (nodes.length === 0) return null;
  const edges = document.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  const payload: ClipboardPayload = { format: CLIPBOARD_FORMAT, version: 1, nodes, edges };
  return JSON.stringify(payload);
}

function isNodeLike(value: unknown): value is FlowNode {
  if (typeof value !== 'object' || value === null) return false;
  const node = value as Record<string, unknown>;
  const position = node.position as Record<string, unknown> | undefined;
  return typeof node.id === 'string' && isNodeKind(node.type) && typeof node.data === 'object' && node.data !== null
    && typeof position?.x === 'number' && typeof position.y === 'number';
}

/** Reads clipboard text; `null` unless it is a Charla payload (any other text is not ours to paste). */
export function parsePayload(text: string): ClipboardPayload | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const payload = parsed as Partial<ClipboardPayload> | null;
  if (payload?.format !== CLIPBOARD_FORMAT || !Array.isArray(payload.nodes) || !payload.nodes.every(isNodeLike)) return null;
  const edges = Array.isArray(payload.edges) ? payload.edges.filter((edge) => typeof edge?.source === 'string') : [];
  return { format: CLIPBOARD_FORMAT, version: 1, nodes: payload.nodes, edges };
}

/**
 * Adds the payload's nodes to the document under fresh ids (edges follow their nodes), keeping
 * their relative positions, the group's top-left corner at `at`.
 */
export function pastePayload(document: FlowDocument, payload: ClipboardPayload, at: XY): { document: FlowDocument; nodeIds: string[] } {
  const takenNodes = new Set(document.nodes.map((node) => node.id));
  const takenEdges = new Set(document.edges.map((edge) => edge.id));
  const left = Math.min(...payload.nodes.map((node) => node.position.x));
  const top = Math.min(...payload.nodes.map((node) => node.position.y));
  const shift = { x: at.x - left, y: at.y - top };
  const renamed = new Map<string, string>();
  const nodes = payload.nodes.map((node) => {
    const id = freshId(node.id, takenNodes);
    takenNodes.add(id);
    renamed.set(node.id, id);
    return { ...node, id, position: { x: node.position.x + shift.x, y: node.position.y + shift.y } } as FlowNode;
  });
  const edges = payload.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (!source || !target) return [];
    const id = freshId('e', takenEdges, true);
    takenEdges.add(id);
    return [{ id, source, sourceHandle: edge.sourceHandle, target }];
  });
  const startless = !document.nodes.some((node) => node.id === document.startNodeId);
  const first = nodes[0];
  return {
    document: {
      ...document,
      nodes: [...document.nodes, ...nodes],
      edges: [...document.edges, ...edges],
      ...(startless && first && { startNodeId: first.id }),
    },
    nodeIds: nodes.map((node) => node.id),
  };
}
