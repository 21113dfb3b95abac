import dagre from '@dagrejs/dagre';
import type { FlowDocument } from '../../schema/index.ts';
import type { Size, XY } from './types.ts';

/** Used for nodes the canvas has not measured yet (a store without a canvas, in tests). */
export const DEFAULT_NODE_SIZE: Size = { width: 260, height: 140 };

/**
 * Left-to-right layered layout of the whole flow with dagre; returns each node's
 * top-left position.
 */
export function layoutPositions(document: FlowDocument, measured: Record<string, Size>): Record<string, XY> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of document.nodes) {
    const size = measured[node.id] ?? DEFAULT_NODE_SIZE;
    graph.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of document.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  const positions: Record<string, XY> = {};
  for (const node of document.nodes) {
    const placed = graph.node(node.id);
    const size = measured[node.id] ?? DEFAULT_NODE_SIZE;
    // dagre gives centres; the flow stores top-left corners. Rounded so saved documents stay tidy.
    positions[node.id] = { x: Math.round(placed.x - size.width / 2), y: Math.round(placed.y - size.height / 2) };
  }
  return positions;
}
