import type { StoreApi } from 'zustand';
import { isApiError } from '../api/api-error.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { EditorState } from '../store/types.ts';

export type AutosaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'error';

export interface AutosaveStatus {
  state: AutosaveState;
  /** The server's message for `error` (a 422 names the schema problem). */
  error?: string;
}

export interface AutosaveOptions {
  store: StoreApi<EditorState>;
  flowId: string;
  api: Pick<ApiClient, 'saveFlow' | 'getFlow'>;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
}

export type Autosave = ReturnType<typeof createAutosave>;

/**
 * Saves the store's draft with `PUT /api/flows/:id` some time after the last change, sending the
 * revision it was loaded at. A 409 stops saving and reports `conflict` until the user chooses
 * `reload` (take the server's draft) or `overwrite` (save ours over it): nothing is lost silently.
 * @example const autosave = createAutosave({ store, flowId: 'pizzeria', api }); const stop = autosave.start(); await autosave.flush();
 */
export function createAutosave({ store, flowId, api, delayMs = 800 }: AutosaveOptions) {
  let status: AutosaveStatus = { state: 'saved' };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  const isDirty = () => store.getState().documentVersion !== store.getState().savedVersion;
  function setStatus(next: AutosaveStatus) {
    status = next;
    for (const listener of listeners) listener();
  }
  function cancelTimer() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }
  function schedule() {
    if (status.state === 'conflict') return;
    cancelTimer();
    if (!isDirty()) return;
    if (status.state !== 'saving') setStatus({ state: 'pending' });
    timer = setTimeout(() => void save(), delayMs);
  }

  /** One PUT of the current document at `revision`; a newer change saves again afterwards. */
  function save(revision?: number): Promise<void> {
    cancelTimer();
    if (inFlight) return inFlight;
    const { document, revision: loaded, documentVersion } = store.getState();
    if (!isDirty() && revision === undefined) {
      setStatus({ state: 'saved' });
      return Promise.resolve();
    }
    setStatus({ state: 'saving' });
    inFlight = api.saveFlow(flowId, document, revision ?? loaded)
      .then((saved) => {
        store.getState().markSaved(saved.revision, documentVersion);
        setStatus({ state: isDirty() ? 'pending' : 'saved' });
      })
      .catch((error: unknown) => {
        if (isApiError(error, 409)) setStatus({ state: 'conflict' });
        else setStatus({ state: 'error', error: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        inFlight = null;
        if (status.state === 'pending') schedule();
      });
    return inFlight;
  }

  return {
    /** Starts watching the store; returns the stop function (React effects may start it again). */
    start(): () => void {
      const unsubscribe = store.subscribe((state, previous) => {
        if (state.documentVersion !== previous.documentVersion) schedule();
      });
      return () => {
        unsubscribe();
        // Leaving the editor (another page of the app) must not drop the change waiting for its debounce.
        if (timer !== null && status.state !== 'conflict') void save();
        cancelTimer();
      };
    },

    getStatus: () => status,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    isDirty,

    /** Saves now if anything is unsaved; resolves true when the server has the current document. */
    async flush(): Promise<boolean> {
      if (status.state === 'conflict') return false;
      if (inFlight) await inFlight;
      if (isDirty()) await save();
      return !isDirty() && status.state === 'saved';
    },

    /** Conflict choice 1: drop local changes and load the server's draft. */
    async reload(): Promise<void> {
      cancelTimer();
      const draft = await api.getFlow(flowId);
      store.getState().loadDocument(draft.document, draft.revision);
      setStatus({ state: 'saved' });
    },

    /** Conflict choice 2: save the local document over the server's newer draft. */
    async overwrite(): Promise<void> {
      const draft = await api.getFlow(flowId);
      setStatus({ state: 'pending' });
      await save(draft.revision);
    },
  };
}
