import dagre from '@dagrejs/dagre';
import { nodeOutputs, type FlowDocument, type FlowNode } from '../../schema/index.ts';
import type { Size, XY } from './types.ts';

/** A card's usual size; the canvas reports the real one of each card it has drawn. */
export const DEFAULT_NODE_SIZE: Size = { width: 260, height: 140 };

/**
 * The size of a card the canvas has not drawn (off screen in a large flow): header and padding,
 * about one line per 34 characters of text (the card shows up to 140), one row per output.
 */
export function estimatedSize(node: FlowNode): Size {
  const text = 'text' in node.data && typeof node.data.text === 'string' ? node.data.text.slice(0, 140) : '';
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 34)), 0);
  return { width: DEFAULT_NODE_SIZE.width, height: 70 + lines * 17 + nodeOutputs(node).length * 22 };
}

/**
 * Left-to-right layered layout of the whole flow with dagre; returns each node's
 * top-left position.
 */
export function layoutPositions(document: FlowDocument, sizesById: Record<string, Size>): Record<string, XY> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 100, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map(document.nodes.map((node) => [node.id, sizesById[node.id] ?? estimatedSize(node)]));
  for (const node of document.nodes) {
    const size = sizes.get(node.id)!;
    graph.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of document.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  const positions: Record<string, XY> = {};
  for (const node of document.nodes) {
    const placed = graph.node(node.id);
    const size = sizes.get(node.id)!;
    // dagre gives centres; the flow stores top-left corners. Rounded so saved documents stay tidy.
    positions[node.id] = { x: Math.round(placed.x - size.width / 2), y: Math.round(placed.y - size.height / 2) };
  }
  return positions;
}
