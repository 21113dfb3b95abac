import { create } from 'zustand';
import type { TemplateSummary } from '../api/types.ts';
import { api } from '../app/api.ts';

export type TemplatesStatus = 'idle' | 'loading' | 'ready' | 'failed';

interface TemplatesState {
  templates: TemplateSummary[];
  status: TemplatesStatus;
  /** Why the last load or refresh failed (an ApiError, worded by its code when shown). */
  error: unknown;
  /** Per WABA, what Meta answered to the last «Actualizar plantillas» that failed for it. */
  syncErrors: Array<{ wabaId: string; error: string }>;
  /** Reads what the server last synced, once (the editor's first template node or simulator template). */
  load(): Promise<void>;
  /** «Actualizar plantillas»: the server reads them from Meta now. */
  refresh(): Promise<void>;
}

/**
 * The WhatsApp templates of the bound numbers' business accounts, shared by the template node's
 * inspector and card and the simulator (docs/templates.md).
 */
export const useTemplates = create<TemplatesState>((set, get) => ({
  templates: [],
  status: 'idle',
  error: null,
  syncErrors: [],

  async load() {
    if (get().status !== 'idle') return;
    set({ status: 'loading' });
    try {
      set({ templates: await api.listTemplates(), status: 'ready', error: null });
    } catch (error) {
      set({ status: 'failed', error });
    }
  },

  async refresh() {
    set({ status: 'loading' });
    try {
      const { results, templates } = await api.syncTemplates();
      const syncErrors = results.flatMap((result) => (result.error === undefined ? [] : [{ wabaId: result.wabaId, error: result.error }]));
      set({ templates, status: 'ready', error: null, syncErrors });
    } catch (error) {
      set({ status: 'failed', error });
    }
  },
}));
