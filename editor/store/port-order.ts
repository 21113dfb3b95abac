import { nodeOutputs, type FlowDocument } from '../../schema/index.ts';
import type { Size, XY } from './types.ts';

/**
 * dagre orders each rank to cut crossings but knows nothing of ports: a menu's first option may
 * lead to the rightmost card. Going down rank by rank, this lines each card up under the outputs
 * that lead to it (the mean x of those output handles, FlowNodeCard draws them evenly along the
 * bottom edge) and pushes overlapping cards apart by `gap`, so branches read in the order of the
 * options. Cards nothing above leads to keep their place. `positions` are top-left corners; changed in place.
 */
export function alignToPorts(document: FlowDocument, positions: Record<string, XY>, sizes: Map<string, Size>, gap: number): void {
  const size = (id: string) => sizes.get(id)!;
  const ranks = new Map<number, string[]>();
  for (const node of document.nodes) {
    const middle = Math.round(positions[node.id]!.y + size(node.id).height / 2); // dagre centres a rank's cards on one line
    ranks.set(middle, [...(ranks.get(middle) ?? []), node.id]);
  }
  const outputsOf = new Map(document.nodes.map((node) => [node.id, nodeOutputs(node)]));
  for (const [middle, ids] of [...ranks.entries()].sort((a, b) => a[0] - b[0])) {
    const ideal = new Map<string, number>();
    for (const id of ids) {
      const ports = document.edges.flatMap((edge) => {
        const from = positions[edge.source];
        const outputs = outputsOf.get(edge.source) ?? [];
        const index = outputs.indexOf(edge.sourceHandle);
        if (edge.target !== id || !from || index < 0 || from.y + size(edge.source).height / 2 >= middle) return [];
        return [from.x + (size(edge.source).width * (index + 0.5)) / outputs.length];
      });
      const centre = ports.length > 0 ? ports.reduce((sum, x) => sum + x, 0) / ports.length : positions[id]!.x + size(id).width / 2;
      ideal.set(id, centre - size(id).width / 2);
    }
    const order = [...ids].sort((a, b) => ideal.get(a)! - ideal.get(b)!);
    let right = -Infinity;
    let drift = 0;
    for (const id of order) {
      const x = Math.max(ideal.get(id)!, right + gap);
      drift += x - ideal.get(id)!;
      positions[id] = { x, y: positions[id]!.y };
      right = x + size(id).width;
    }
    // Pushing only rightwards shifts the rank; centre the shift so cards stay near their outputs.
    const shift = Math.round(drift / order.length);
    for (const id of order) positions[id] = { x: Math.round(positions[id]!.x - shift), y: positions[id]!.y };
  }
}
