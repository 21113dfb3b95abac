import type { StateCreator } from 'zustand';
import { parsePayload, pastePayload, serializeNodes } from './clipboard-payload.ts';
import type { ClipboardSlice, EditorState, XY } from './types.ts';

/** The last copy of any editor on this page, so the fallback also pastes into another flow. */
let lastCopied: string | null = null;

/**
 * Copy and paste of nodes. The canvas puts the text on the system clipboard (so it pastes into
 * another flow, even in another tab); the copy kept here serves when that clipboard is unavailable.
 */
export const clipboardSlice: StateCreator<EditorState, [], [], ClipboardSlice> = (set, get) => {
  function pasteText(text: string, at?: XY): string[] {
    const { document, readOnly, commit } = get();
    const payload = parsePayload(text);
    if (readOnly || !payload) return [];
    const pasted = pastePayload(document, payload, at);
    commit(pasted.document);
    set({ selectedNodeIds: pasted.nodeIds, selectedEdgeIds: [] });
    return pasted.nodeIds;
  }

  return {
    clipboard: null,

    copySelection() {
      const text = serializeNodes(get().document, get().selectedNodeIds);
      if (text !== null) {
        lastCopied = text;
        set({ clipboard: text });
      }
      return text;
    },

    paste(text, at) {
      const fromSystem = text ? pasteText(text, at) : [];
      if (fromSystem.length > 0) return fromSystem;
      return lastCopied ? pasteText(lastCopied, at) : [];
    },

    duplicate() {
      const text = serializeNodes(get().document, get().selectedNodeIds);
      return text ? pasteText(text) : [];
    },
  };
};
