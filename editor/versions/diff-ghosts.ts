import type { FlowDocument } from '../../schema/index.ts';
import type { FlowDiff } from '../api/types.ts';
import type { DiffGhosts } from '../store/types.ts';

/**
 * What the canvas draws of a diff's removed side: the removed nodes the document no longer has, as they
 * were in `from` (position, content), and the removed edges whose two ends can be drawn (a ghost or a card).
 * @example diffGhosts(version1, diff(1, 'draft'), draft) // { nodes: [the deleted menu], edges: [its old edges] }
 */
export function diffGhosts(from: FlowDocument, diff: FlowDiff, current: FlowDocument): DiffGhosts {
  const onCanvas = new Set(current.nodes.map((node) => node.id));
  const removedNodes = new Set(diff.nodes.removed);
  const nodes = from.nodes.filter((node) => removedNodes.has(node.id) && !onCanvas.has(node.id));
  const drawable = new Set([...onCanvas, ...nodes.map((node) => node.id)]);
  const removedEdges = new Set(diff.edges.removed);
  const currentEdges = new Set(current.edges.map((edge) => edge.id));
  const edges = from.edges.filter((edge) =>
    removedEdges.has(edge.id) && !currentEdges.has(edge.id) && drawable.has(edge.source) && drawable.has(edge.target));
  return { nodes, edges };
}
