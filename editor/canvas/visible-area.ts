import type { Viewport } from '@xyflow/react';
import type { Box, VisibleArea } from '../store/index.ts';

/** Screen pixels kept between a placed card and the canvas edge. */
const EDGE = 16;
/** What floats over the canvas: the minimap, the zoom controls, the toolbar (and the find box under it). */
const OVERLAYS = ['.react-flow__minimap', '.react-flow__controls', '.react-flow__panel.top.left'];

/**
 * The part of the flow `wrapper` (the canvas element) shows under `viewport`, in flow coordinates,
 * with the overlays' boxes, so new cards land where they can be seen and not under the minimap.
 */
export function visibleAreaOf(wrapper: HTMLElement, viewport: Viewport): VisibleArea {
  const frame = wrapper.getBoundingClientRect();
  const toFlow = (left: number, top: number, width: number, height: number): Box => ({
    x: (left - frame.left - viewport.x) / viewport.zoom,
    y: (top - frame.top - viewport.y) / viewport.zoom,
    width: width / viewport.zoom,
    height: height / viewport.zoom,
  });
  const reserved = OVERLAYS.flatMap((selector) => {
    const element = wrapper.querySelector(selector);
    if (!element) return [];
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 ? [toFlow(box.left, box.top, box.width, box.height)] : [];
  });
  const bounds = toFlow(frame.left + EDGE, frame.top + EDGE, Math.max(frame.width - 2 * EDGE, 0), Math.max(frame.height - 2 * EDGE, 0));
  return { bounds, reserved };
}
