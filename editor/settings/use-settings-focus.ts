import { useEffect, type RefObject } from 'react';
import { focusClosestField } from '../inspector/focus-closest-field.ts';
import { useEditorStore } from '../store/index.ts';

/** Focuses the field `openSettings(field)` asked for (a problem clicked, a variable just added). */
export function useSettingsFocus(root: RefObject<HTMLElement | null>) {
  const request = useEditorStore((state) => state.settingsFocusRequest);
  useEffect(() => {
    if (request && root.current) focusClosestField(root.current, request.field);
  }, [request, root]);
}
