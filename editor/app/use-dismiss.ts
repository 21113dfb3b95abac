import { useEffect, type RefObject } from 'react';

/**
 * Closes a popup (menu, popover) when the pointer goes down outside `container` or Escape is
 * pressed anywhere; Escape gives the focus back to `returnFocus`, as WAI-ARIA's menu button pattern asks.
 */
export function useDismiss(open: boolean, container: RefObject<HTMLElement | null>, close: () => void, returnFocus: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      close();
      returnFocus.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [open, container, close, returnFocus]);
}
