import type { FlowDocument } from '../../schema/index.ts';

/** A draft the server has not got yet, kept in this browser: the document and the revision it was edited from. */
export interface DraftBackup { flowId: string; revision: number; document: FlowDocument; savedAt: number }

const key = (flowId: string) => `charla.unsaved.${flowId}`;

/**
 * The unsaved draft of each flow in localStorage, so a reload (or a crash) while the server refuses
 * or cannot be reached offers it back. One per flow: a newer unsaved draft replaces the older.
 * @example draftBackup.write('pizzeria', 4, document); draftBackup.read('pizzeria')?.revision // 4
 */
export const draftBackup = {
  read(flowId: string): DraftBackup | null {
    try {
      const saved = JSON.parse(localStorage.getItem(key(flowId)) ?? 'null') as DraftBackup | null;
      return saved && saved.flowId === flowId && typeof saved.revision === 'number' && typeof saved.document === 'object' ? saved : null;
    } catch {
      return null; // unreadable (storage disabled, or edited by hand): nothing to offer
    }
  },

  write(flowId: string, revision: number, document: FlowDocument, now = Date.now()): void {
    try {
      localStorage.setItem(key(flowId), JSON.stringify({ flowId, revision, document, savedAt: now } satisfies DraftBackup));
    } catch {
      // Storage full or disabled: the leave warning still guards the draft, so carry on without a copy.
    }
  },

  clear(flowId: string): void {
    try {
      localStorage.removeItem(key(flowId));
    } catch {
      // Storage disabled: there is nothing stored to clear.
    }
  },
};
