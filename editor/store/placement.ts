import type { FlowDocument, FlowNode, NodeKind } from '../../schema/index.ts';
import { createNodeData } from '../nodes/create-node-data.ts';
import { cardSize } from './card-size.ts';
import { overlaps } from './separate-boxes.ts';
import type { Box, EditorState, Size, VisibleArea, XY } from './types.ts';

/** The clear space kept around a placed card: room for the selected card's toolbar above it. */
export const PLACEMENT_MARGIN = 48;
/** The margin tried when a crowded view has no spot with the full one: cards stay apart, the toolbar may overlap. */
const NARROW_MARGIN = 12;
/** A card's header: enough of it in view to see where a connected card went. */
const HEADER_HEIGHT = 60;
/** The grid the search for a free spot walks, and how far it looks (in steps) before giving up. */
const STEP = 40;
const RINGS = 30;

/** Offsets of the search grid, nearest first (computed once). */
const OFFSETS: readonly XY[] = (() => {
  const list: XY[] = [];
  for (let i = -RINGS; i <= RINGS; i++) for (let j = -RINGS; j <= RINGS; j++) list.push({ x: i * STEP, y: j * STEP });
  // Ties go to spots below, then to the right: where a flow read top to bottom goes on.
  return list.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || b.y - a.y || b.x - a.x);
})();

export function nodeBox(node: FlowNode, measured: Record<string, Size>): Box {
  const size = cardSize(node, measured[node.id]);
  return { x: node.position.x, y: node.position.y, width: size.width, height: size.height };
}

/** The smallest box around `boxes` (which must not be empty). */
export function boundingBox(boxes: readonly Box[]): Box {
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function inside(box: Box, area: Box): boolean {
  return box.x >= area.x && box.y >= area.y && box.x + box.width <= area.x + area.width && box.y + box.height <= area.y + area.height;
}

/** A spot for new cards, and whether it is in view (else the canvas should pan to it). */
export interface Spot extends XY { inView: boolean }

/**
 * The top-left corner nearest `preferred` where a box of `size` overlaps none of the `document`'s
 * cards (nor `visible.reserved`: the minimap, the controls), kept `PLACEMENT_MARGIN` apart, and lies
 * in the visible part of the canvas. A preferred spot out of view moves to the view's middle first.
 * A crowded view is searched again with a narrower margin; failing that, the nearest free spot out
 * of view (`inView: false`), else `preferred` itself.
 */
export function freeSpot(options: {
  document: FlowDocument;
  measured: Record<string, Size>;
  size: Size;
  preferred: XY;
  visible: VisibleArea | null;
}): Spot {
  const { document, measured, visible } = options;
  const size = { width: options.size.width, height: options.size.height };
  const obstacles = [...document.nodes.map((node) => nodeBox(node, measured)), ...(visible?.reserved ?? [])];
  const area = visible?.bounds;
  const fits = !area || (size.width <= area.width && size.height <= area.height);
  let preferred = options.preferred;
  if (area && fits && !inside({ ...preferred, ...size }, area)) {
    preferred = { x: area.x + (area.width - size.width) / 2, y: area.y + (area.height - size.height) / 2 };
  }
  const clear = (box: Box, margin: number) => !obstacles.some((obstacle) => overlaps(box, obstacle, margin));
  const candidates = OFFSETS.map((offset) => ({ x: preferred.x + offset.x, y: preferred.y + offset.y, ...size }));
  const visibleOnes = !area || !fits ? candidates : candidates.filter((box) => inside(box, area));
  for (const margin of [PLACEMENT_MARGIN, NARROW_MARGIN]) {
    const found = visibleOnes.find((box) => clear(box, margin));
    if (found) return { ...round(found), inView: true };
  }
  const elsewhere = candidates.find((box) => clear(box, PLACEMENT_MARGIN));
  return { ...round(elsewhere ?? preferred), inView: !area || inside({ ...(elsewhere ?? preferred), ...size }, area) };
}

/**
 * Where a new card of `kind` goes: `place(size)` gives its wished top-left corner from its
 * (estimated) size, e.g. the view's middle for a palette click or under the pointer for a drop;
 * then the nearest free spot in what the canvas shows, as `freeSpot`. Cards are taken at their
 * full-detail size where known: zoomed out they are drawn without their bodies, smaller.
 */
export function newCardSpot(
  state: Pick<EditorState, 'document' | 'measured' | 'layoutSizes' | 'readVisibleArea'>,
  kind: NodeKind,
  place: (size: Size) => XY,
): Spot {
  const { document } = state;
  const draft = { id: '', type: kind, position: { x: 0, y: 0 }, data: createNodeData(kind, document.language) } as FlowNode;
  const size = cardSize(draft, undefined);
  const measured = { ...state.measured, ...state.layoutSizes };
  return freeSpot({ document, measured, size, preferred: place(size), visible: state.readVisibleArea() });
}

/**
 * Where a card added after an output goes: its input (the middle of its top edge) at `at`, else the
 * nearest free spot around it, even out of view (the canvas then pans to it): moving it to the view's
 * middle, as a palette click does, would put it above the card it follows. It counts as in view
 * while its header is: no pan just because its (estimated) bottom runs past the edge.
 */
export function connectedCardSpot(
  state: Pick<EditorState, 'document' | 'measured' | 'layoutSizes' | 'readVisibleArea'>,
  kind: NodeKind,
  at: XY,
): Spot {
  const visible = state.readVisibleArea();
  let size: Size = { width: 0, height: 0 };
  const spot = newCardSpot({ ...state, readVisibleArea: () => null }, kind, (estimated) => {
    size = estimated;
    return { x: at.x - estimated.width / 2, y: at.y };
  });
  return { ...spot, inView: !visible || inside({ ...spot, width: size.width, height: Math.min(size.height, HEADER_HEIGHT) }, visible.bounds) };
}

function round(point: XY): XY {
  return { x: Math.round(point.x), y: Math.round(point.y) };
}
