/** Where a popover goes, in viewport pixels (for `position: fixed`). */
export interface PopoverPlacement {
  side: 'below' | 'above';
  /** Distance from the viewport's top (below) or bottom (above) edge. */
  offset: number;
  right: number;
  maxHeight: number;
}

const GAP = 4;
/** Room the popover wants before it flips above the field. */
const WANTED = 220;

/**
 * A popover for a field: below `anchor` (the field's tools row) when there is room, else above the
 * `field` itself, never over the field being edited; as tall as the side it takes allows.
 */
export function popoverPlacement(field: DOMRect, anchor: DOMRect, viewport: { width: number; height: number }): PopoverPlacement {
  const below = viewport.height - anchor.bottom - GAP * 2;
  const above = field.top - GAP * 2;
  const right = Math.max(GAP, viewport.width - anchor.right);
  if (below >= WANTED || below >= above) {
    return { side: 'below', offset: anchor.bottom + GAP, right, maxHeight: Math.min(WANTED, below) };
  }
  return { side: 'above', offset: viewport.height - field.top + GAP, right, maxHeight: Math.min(WANTED, above) };
}
