import dagre from '@dagrejs/dagre';
import type { FlowDocument } from '../../schema/index.ts';
import { cardSize } from './card-size.ts';
import { connectedGroups } from './connected-groups.ts';
import { alignToPorts } from './port-order.ts';
import { separateBoxes } from './separate-boxes.ts';
import type { Box, Size, XY } from './types.ts';

export { cardWidth, DEFAULT_NODE_SIZE, estimatedSize, OUTPUT_PORT_WIDTH } from './card-size.ts';

/**
 * Gaps of the automatic layout. Between ranks there is room for the edges' curves and for the
 * selected card's action toolbar, which floats just above its top edge (canvas/NodeActions.tsx).
 * Separate flows in one document stand `group` apart.
 */
export const LAYOUT_SPACING = { node: 60, rank: 110, group: 160 } as const;

/** One connected part of the flow, top to bottom with dagre, each card under the outputs leading to it. */
function layeredPositions(document: FlowDocument, sizes: Map<string, Size>): Record<string, XY> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: LAYOUT_SPACING.node, ranksep: LAYOUT_SPACING.rank, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of document.nodes) graph.setNode(node.id, { ...sizes.get(node.id)! });
  for (const edge of document.edges) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  const positions: Record<string, XY> = {};
  for (const node of document.nodes) {
    const placed = graph.node(node.id);
    const size = sizes.get(node.id)!;
    // dagre gives centres; the flow stores top-left corners.
    positions[node.id] = { x: placed.x - size.width / 2, y: placed.y - size.height / 2 };
  }
  alignToPorts(document, positions, sizes, LAYOUT_SPACING.node);
  return positions;
}

/** Cards nothing connects, in rows of `columns` from `origin`, each row as tall as its tallest card. */
function gridPositions(ids: readonly string[], sizes: Map<string, Size>, origin: XY, columns: number): Record<string, XY> {
  const cell = Math.max(...ids.map((id) => sizes.get(id)!.width));
  const positions: Record<string, XY> = {};
  let top = origin.y;
  for (let start = 0; start < ids.length; start += columns) {
    const row = ids.slice(start, start + columns);
    row.forEach((id, index) => { positions[id] = { x: origin.x + index * (cell + LAYOUT_SPACING.node), y: top }; });
    top += Math.max(...row.map((id) => sizes.get(id)!.height)) + LAYOUT_SPACING.node;
  }
  return positions;
}

/**
 * Top-to-bottom layered layout of the whole flow, the way a conversation reads: each card's input
 * is on its top edge and its outputs on its bottom edge (canvas/FlowNodeCard.tsx). The part with the
 * start node comes first, other connected parts side by side to its right, and cards nothing
 * connects in a grid under them (not one endless rank). Spaced by the cards' measured sizes
 * (`sizesById`), estimated for cards never drawn (card-size.ts); a last pass moves apart any two
 * cards still too close, so the result never has cards on top of each other.
 * Returns each node's top-left position.
 */
export function layoutPositions(document: FlowDocument, sizesById: Record<string, Size>): Record<string, XY> {
  const sizes = new Map(document.nodes.map((node) => [node.id, cardSize(node, sizesById[node.id])]));
  const groups = connectedGroups(document);
  const startFirst = (ids: string[]) => (ids.includes(document.startNodeId) ? 1 : 0);
  const flows = groups.filter((ids) => ids.length > 1).sort((a, b) => startFirst(b) - startFirst(a) || b.length - a.length);
  const loose = groups.filter((ids) => ids.length === 1).flat().sort((a, b) => Number(b === document.startNodeId) - Number(a === document.startNodeId));
  const positions: Record<string, XY> = {};
  let right = 0;
  let bottom = 0;
  for (const ids of flows) {
    const members = new Set(ids);
    const part = layeredPositions({
      ...document,
      nodes: document.nodes.filter((node) => members.has(node.id)),
      edges: document.edges.filter((edge) => members.has(edge.source) && members.has(edge.target)),
    }, sizes);
    const left = Math.min(...ids.map((id) => part[id]!.x));
    const top = Math.min(...ids.map((id) => part[id]!.y));
    const offset = right === 0 ? 0 : right + LAYOUT_SPACING.group;
    for (const id of ids) positions[id] = { x: part[id]!.x - left + offset, y: part[id]!.y - top };
    right = Math.max(...ids.map((id) => positions[id]!.x + sizes.get(id)!.width));
    bottom = Math.max(bottom, ...ids.map((id) => positions[id]!.y + sizes.get(id)!.height));
  }
  if (loose.length > 0) {
    const cell = Math.max(...loose.map((id) => sizes.get(id)!.width)) + LAYOUT_SPACING.node;
    const columns = Math.max(Math.ceil(Math.sqrt(loose.length)), Math.floor((right + LAYOUT_SPACING.node) / cell));
    Object.assign(positions, gridPositions(loose, sizes, { x: 0, y: flows.length > 0 ? bottom + LAYOUT_SPACING.rank : 0 }, columns));
  }
  const boxes = new Map<string, Box>(document.nodes.map((node) => [node.id, { ...positions[node.id]!, ...sizes.get(node.id)! }]));
  return separateBoxes(boxes, LAYOUT_SPACING.node);
}
