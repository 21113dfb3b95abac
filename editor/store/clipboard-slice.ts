import type { StateCreator } from 'zustand';
import { parsePayload, pastePayload, serializeNodes, type ClipboardPayload } from './clipboard-payload.ts';
import { boundingBox, freeSpot, nodeBox, PLACEMENT_MARGIN, type Spot } from './placement.ts';
import type { ClipboardSlice, EditorState, Size, XY } from './types.ts';

/** The last copy of any editor on this page, so the fallback also pastes into another flow. */
let lastCopied: string | null = null;

/**
 * Copy and paste of nodes. The canvas puts the text on the system clipboard (so it pastes into
 * another flow, even in another tab); the copy kept here serves when that clipboard is unavailable.
 */
export const clipboardSlice: StateCreator<EditorState, [], [], ClipboardSlice> = (set, get) => {
  /** Where the pasted group's top-left corner goes: near `at`, else just below the originals; clear of every card, in view. */
  function placement(payload: ClipboardPayload, at?: XY): Spot {
    const { document, measured, readVisibleArea } = get();
    const visibleArea = readVisibleArea();
    // A measured size belongs to this flow's node of that id; a node from another flow gets an estimate.
    const sizes: Record<string, Size> = {};
    for (const node of payload.nodes) {
      const own = document.nodes.find((candidate) => candidate.id === node.id && candidate.type === node.type);
      const size = own && measured[own.id];
      if (size) sizes[node.id] = size;
    }
    const group = boundingBox(payload.nodes.map((node) => nodeBox(node, sizes)));
    const preferred = at ?? { x: group.x, y: group.y + group.height + PLACEMENT_MARGIN };
    return freeSpot({ document, measured, size: group, preferred, visible: visibleArea });
  }

  function pasteText(text: string, at?: XY): string[] {
    const { document, readOnly, commit } = get();
    const payload = parsePayload(text);
    if (readOnly || !payload) return [];
    const spot = placement(payload, at);
    const pasted = pastePayload(document, payload, spot);
    commit(pasted.document);
    set({ selectedNodeIds: pasted.nodeIds, selectedEdgeIds: [] });
    const first = pasted.nodeIds[0];
    if (!spot.inView && first) get().reveal(first); // a crowded view: the canvas pans to the copies
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
