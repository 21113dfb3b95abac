import { useEffect, useRef } from 'react';
import type { XY } from '../store/index.ts';
import { useEditorStoreApi } from '../store/index.ts';
import { isEditableTarget } from './is-editable-target.ts';

/**
 * Delete, undo (Ctrl/Cmd+Z), redo (Shift+Ctrl/Cmd+Z, Ctrl/Cmd+Y), duplicate (Ctrl/Cmd+D), find (Ctrl/Cmd+F),
 * and copy/cut/paste through the system clipboard's events, so nodes paste into another flow or tab.
 * Keys typed into a field are left alone. `pointer` is where a paste lands (the last mouse position on the canvas).
 */
export function useKeyboardShortcuts(options: { openFind(): void; pointer: () => XY | null }) {
  const store = useEditorStoreApi();
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (isEditableTarget(event.target)) return;
      const state = store.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if ((key === 'delete' || key === 'backspace') && !mod) {
        state.requestDeleteSelection();
      } else if (mod && key === 'z') {
        if (event.shiftKey) state.redo();
        else state.undo();
      } else if (mod && key === 'y') {
        state.redo();
      } else if (mod && key === 'd') {
        state.duplicate();
      } else if (mod && key === 'f') {
        latest.current.openFind();
      } else if (mod && key === 'c') {
        state.copySelection(); // kept in memory too, for browsers that refuse the clipboard event
        return;
      } else {
        return;
      }
      event.preventDefault();
    }

    function hasTextSelection() {
      const selection = window.getSelection();
      return selection !== null && !selection.isCollapsed;
    }
    function onCopy(event: ClipboardEvent, cut = false) {
      if (isEditableTarget(event.target) || hasTextSelection()) return;
      const text = store.getState().copySelection();
      if (text === null) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
      if (cut) store.getState().requestDeleteSelection();
    }
    function onPaste(event: ClipboardEvent) {
      if (isEditableTarget(event.target)) return;
      const pasted = store.getState().paste(event.clipboardData?.getData('text/plain') ?? null, latest.current.pointer() ?? undefined);
      if (pasted.length > 0) event.preventDefault();
    }
    const onCut = (event: ClipboardEvent) => onCopy(event, true);

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store]);
}
