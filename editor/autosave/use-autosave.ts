import { useEffect, useState, useSyncExternalStore } from 'react';
import { createAutosave, type Autosave, type AutosaveOptions, type AutosaveStatus } from './autosave.ts';

/**
 * One autosave per editor page, stopped with it; also warns before leaving the page unsaved, and
 * keeps a copy of the unsaved draft in this browser when the page goes away anyway.
 * @example const { autosave, status } = useAutosave({ store, flowId, api });
 */
export function useAutosave(options: AutosaveOptions): { autosave: Autosave; status: AutosaveStatus } {
  const { store, flowId, api, delayMs } = options;
  const [autosave] = useState(() => createAutosave({ store, flowId, api, delayMs }));
  useEffect(() => autosave.start(), [autosave]);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => { if (autosave.isDirty()) event.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    window.addEventListener('pagehide', autosave.keepBackup);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.removeEventListener('pagehide', autosave.keepBackup);
    };
  }, [autosave]);
  const status = useSyncExternalStore(autosave.subscribe, autosave.getStatus);
  return { autosave, status };
}
