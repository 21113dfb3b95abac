import type { Box, XY } from './types.ts';

/**
 * Moves boxes apart until no two are closer than `gap` (horizontally or vertically): the last
 * guard of the automatic layout against cards drawn on top of each other, whatever dagre or a
 * stale size did. Boxes are taken top to bottom, left to right; each keeps its place unless it
 * comes too close to one already settled, then moves right or down past it, whichever is the
 * shorter way. Coordinates only grow, so a box clears each settled one at most once.
 * Returns the new top-left corners by id.
 */
export function separateBoxes(boxes: ReadonlyMap<string, Box>, gap: number): Record<string, XY> {
  const order = [...boxes.entries()].sort(([, a], [, b]) => a.y - b.y || a.x - b.x);
  const settled: Box[] = [];
  const positions: Record<string, XY> = {};
  for (const [id, original] of order) {
    const box = { ...original };
    for (let blocker = tooClose(box, settled, gap); blocker; blocker = tooClose(box, settled, gap)) {
      const right = blocker.x + blocker.width + gap - box.x;
      const down = blocker.y + blocker.height + gap - box.y;
      if (right <= down) box.x += right;
      else box.y += down;
    }
    settled.push(box);
    positions[id] = { x: Math.round(box.x), y: Math.round(box.y) };
  }
  return positions;
}

function tooClose(box: Box, others: readonly Box[], gap: number): Box | undefined {
  return others.find((other) => overlaps(box, other, gap));
}

/** Whether two boxes come closer than `margin` (they overlap when margin is 0). */
export function overlaps(a: Box, b: Box, margin: number): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}
