import dagre from '@dagrejs/dagre';
import { nodeOutputs, type FlowDocument, type FlowNode } from '../../schema/index.ts';
import { alignToPorts } from './port-order.ts';
import type { Size, XY } from './types.ts';

/** A card's usual size; the canvas reports the real one of each card it has drawn. */
export const DEFAULT_NODE_SIZE: Size = { width: 260, height: 140 };

/**
 * A card grows wider than DEFAULT_NODE_SIZE when its outputs need it: they sit side by side along
 * its bottom edge (canvas.css `.flow-node-outputs`), each at least this wide.
 */
export const OUTPUT_PORT_WIDTH = 92;

/** The width of a card with `outputs` outputs, as canvas.css draws it. */
export function cardWidth(outputs: number): number {
  return Math.max(DEFAULT_NODE_SIZE.width, outputs * OUTPUT_PORT_WIDTH);
}

/**
 * The size of a card the canvas has not drawn (off screen in a large flow): header and padding,
 * about one line per 34 characters of text (the card shows up to 140), the row of outputs.
 */
export function estimatedSize(node: FlowNode): Size {
  const text = 'text' in node.data && typeof node.data.text === 'string' ? node.data.text.slice(0, 140) : '';
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 34)), 0);
  const outputs = nodeOutputs(node).length;
  return { width: cardWidth(outputs), height: 70 + lines * 17 + (outputs > 0 ? 40 : 0) };
}

/**
 * Gaps of the automatic layout. Between ranks there is room for the edges' curves and for the
 * selected card's action toolbar, which floats just above its top edge (canvas/NodeActions.tsx).
 */
export const LAYOUT_SPACING = { node: 60, rank: 110 } as const;

/**
 * Top-to-bottom layered layout of the whole flow with dagre, the way a conversation reads: each
 * card's input is on its top edge and its outputs on its bottom edge (canvas/FlowNodeCard.tsx).
 * Spaced by the cards' measured sizes (`sizesById`), estimated for cards never drawn; each card
 * then lined up under the outputs that lead to it (port-order.ts).
 * Returns each node's top-left position.
 */
export function layoutPositions(document: FlowDocument, sizesById: Record<string, Size>): Record<string, XY> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: LAYOUT_SPACING.node, ranksep: LAYOUT_SPACING.rank, marginx: 0, marginy: 0 });
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
  alignToPorts(document, positions, sizes, LAYOUT_SPACING.node);
  return positions;
}

