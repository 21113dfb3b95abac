import type { Viewport } from '@xyflow/react';
import type { Box, Size } from '../store/index.ts';

/** The smallest zoom a flow opens (or is laid out) at: cards stay readable at 1440×900. */
export const READABLE_ZOOM = 0.65;
/** The most a small flow is blown up when fitted. */
const MAX_FIT_ZOOM = 1;
/** Screen pixels left around a fitted flow. */
const PADDING = 40;

/**
 * Where the view centres on one axis: the whole span when it fits in `view` (flow units), else
 * the start node's middle, moved only as far as needed to show no empty canvas beyond the flow's edge.
 * The start node stays in view either way.
 */
function axisCentre(start: number, end: number, focus: number, view: number): number {
  if (end - start <= view) return (start + end) / 2;
  return Math.min(Math.max(focus, start + view / 2), end - view / 2);
}

/**
 * The viewport a flow opens at: the whole flow fitted, unless that needs a zoom below READABLE_ZOOM;
 * then READABLE_ZOOM, centred on the start node as far as the flow's bounds allow (a flow laid out
 * top to bottom shows its start at the top, the first steps below it).
 * @example readableViewport(boundsOfAllCards, startCardBox, { width: 1000, height: 800 })
 */
export function readableViewport(bounds: Box, start: Box | null, view: Size): Viewport {
  const fitZoom = Math.min((view.width - 2 * PADDING) / bounds.width, (view.height - 2 * PADDING) / bounds.height, MAX_FIT_ZOOM);
  const zoom = Math.max(fitZoom, READABLE_ZOOM);
  const pad = PADDING / zoom;
  const focus = start ?? bounds;
  const centreX = axisCentre(bounds.x - pad, bounds.x + bounds.width + pad, focus.x + focus.width / 2, view.width / zoom);
  const centreY = axisCentre(bounds.y - pad, bounds.y + bounds.height + pad, focus.y + focus.height / 2, view.height / zoom);
  return { x: view.width / 2 - centreX * zoom, y: view.height / 2 - centreY * zoom, zoom };
}
