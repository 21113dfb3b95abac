import { useEffect, type RefObject } from 'react';
import { useEditorStore } from '../store/index.ts';

/**
 * Focuses the field a problem points at (`options.1.title`) once the node's inspector shows it;
 * when no field has that exact name, the closest enclosing one (`options.1`, then `options`).
 */
/** Quotes a value for an attribute selector (jsdom has no `CSS.escape`). */
const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

export function useFocusRequest(root: RefObject<HTMLElement | null>, nodeId: string | null) {
  const request = useEditorStore((state) => state.focusRequest);
  useEffect(() => {
    if (!request || request.nodeId !== nodeId || !root.current) return;
    const parts = request.field.split('.');
    for (let length = parts.length; length > 0; length--) {
      const name = parts.slice(0, length).join('.');
      const exact = root.current.querySelector<HTMLElement>(`[data-field=${quoted(name)}]`);
      const within = exact ?? root.current.querySelector<HTMLElement>(`[data-testid=${quoted(`list-${name}`)}] [data-field]`);
      if (within) {
        within.scrollIntoView?.({ block: 'center' });
        within.focus();
        return;
      }
    }
  }, [request, nodeId, root]);
}
