import { useEffect, type RefObject } from 'react';
import { useEditorStore } from '../store/index.ts';
import { focusClosestField } from './focus-closest-field.ts';

/**
 * Focuses the field a problem points at (`options.1.title`) once the node's inspector shows it;
 * when no field has that exact name, the closest enclosing one (`options.1`, then `options`).
 */
export function useFocusRequest(root: RefObject<HTMLElement | null>, nodeId: string | null) {
  const request = useEditorStore((state) => state.focusRequest);
  useEffect(() => {
    if (!request || request.nodeId !== nodeId || !root.current) return;
    focusClosestField(root.current, request.field);
  }, [request, nodeId, root]);
}
