import type { KeyboardEvent, PointerEvent } from 'react';
import { useT } from '../../i18n/index.ts';
import { messages } from './messages.ts';

export const SLOT_WIDTH = { min: 300, max: 720, initial: 380 };
/** Keyboard steps of the separator, in pixels. */
const STEP = 16;

/** The widest the slot may be in this window: the canvas keeps at least half of it. */
function maxWidth(): number {
  return Math.max(SLOT_WIDTH.min, Math.min(SLOT_WIDTH.max, Math.floor(window.innerWidth / 2)));
}

export function clampSlotWidth(width: number): number {
  return Math.round(Math.min(maxWidth(), Math.max(SLOT_WIDTH.min, width)));
}

/**
 * The slot's left edge: drag it (or focus it and press ←/→) to resize the slot. A separator as
 * WAI-ARIA describes one, with its value in pixels.
 */
export function SlotResizer({ width, onResize }: { width: number; onResize(width: number): void }) {
  const t = useT(messages);

  function start(event: PointerEvent<HTMLDivElement>) {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const move = (moved: globalThis.PointerEvent) => onResize(clampSlotWidth(width + startX - moved.clientX));
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
    handle.addEventListener('pointercancel', stop);
  }

  function key(event: KeyboardEvent<HTMLDivElement>) {
    const delta = event.key === 'ArrowLeft' ? STEP : event.key === 'ArrowRight' ? -STEP : 0;
    if (delta === 0) return;
    event.preventDefault();
    onResize(clampSlotWidth(width + delta));
  }

  return (
    <div className="right-slot-resizer" role="separator" aria-orientation="vertical" aria-label={t('resizeSlot')} tabIndex={0}
      aria-valuemin={SLOT_WIDTH.min} aria-valuemax={SLOT_WIDTH.max} aria-valuenow={width} data-testid="slot-resizer"
      onPointerDown={start} onKeyDown={key} onDoubleClick={() => onResize(clampSlotWidth(SLOT_WIDTH.initial))} />
  );
}
