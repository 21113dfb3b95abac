import type { StoreApi } from 'zustand';
import { isApiError } from '../api/api-error.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { EditorState } from '../store/types.ts';
import { listedProblems } from '../i18n/error-text.ts';
import { draftBackup, type DraftBackup } from './draft-backup.ts';

/** `invalid`: the server refuses the draft (it breaks the flow schema) until the marked errors are fixed. */
export type AutosaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'invalid' | 'error';

export interface AutosaveStatus {
  state: AutosaveState;
  /** `error`: why the save failed (an ApiError, worded by its code where shown); `conflict`: the 409 (its `currentRevision`). */
  failure?: unknown;
  /** `invalid`: how many errors the server named. */
  errorCount?: number;
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
 * A draft the server refuses (422: it breaks the schema) is `invalid` and tried again on every change.
 * While a draft is unsaved after a failure, or the page goes away, a copy stays in localStorage
 * (draft-backup.ts) and the next load of the flow offers it back (`restorable`).
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
  /** Keeps the unsaved draft in this browser, with the revision it was edited from. */
  function keepBackup() {
    const { document, revision } = store.getState();
    if (isDirty()) draftBackup.write(flowId, revision, document);
  }
  function schedule() {
    if (status.state === 'conflict') return;
    cancelTimer();
    if (!isDirty()) {
      // Undone back to what the server has: nothing is unsaved any more.
      if (!inFlight) setStatus({ state: 'saved' });
      draftBackup.clear(flowId);
      return;
    }
    // An invalid draft keeps saying what to fix while the retry waits.
    if (status.state !== 'saving' && status.state !== 'invalid') setStatus({ state: 'pending' });
    timer = setTimeout(() => void save(), delayMs);
  }
  function failed(error: unknown) {
    if (isApiError(error, 409)) setStatus({ state: 'conflict', failure: error });
    else if (isApiError(error, 422) && error.code === 'flow_invalid') {
      const named = listedProblems(error.details).filter((problem) => problem.severity !== 'warning').length;
      setStatus({ state: 'invalid', errorCount: Math.max(named, 1) });
    } else setStatus({ state: 'error', failure: error });
    keepBackup();
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
    if (status.state !== 'invalid') setStatus({ state: 'saving' });
    inFlight = api.saveFlow(flowId, document, revision ?? loaded)
      .then((saved) => {
        store.getState().markSaved(saved.revision, documentVersion);
        if (!isDirty()) draftBackup.clear(flowId);
        setStatus({ state: isDirty() ? 'pending' : 'saved' });
      })
      .catch(failed)
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
        keepBackup();
      };
    },

    getStatus: () => status,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    isDirty,
    /** Keeps a copy of the unsaved draft in this browser now (the page is going away). */
    keepBackup,

    /** The unsaved draft a previous visit left in this browser, when it differs from the loaded one. */
    restorable(): DraftBackup | null {
      const backup = draftBackup.read(flowId);
      if (backup && JSON.stringify(backup.document) === JSON.stringify(store.getState().document)) {
        draftBackup.clear(flowId);
        return null;
      }
      return backup;
    },
    /** Puts the kept draft on the canvas as one undoable change; autosave then saves it. */
    restore(backup: DraftBackup): void {
      store.getState().commit(backup.document);
    },
    discardBackup(): void {
      draftBackup.clear(flowId);
    },

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
      draftBackup.clear(flowId);
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
