import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { createEditorStore, type EditorStore } from '../store/index.ts';

/**
 * A published version's document in a read-only store of its own (as the simulator's version view):
 * what the history lights a conversation's path on and the analytics mode counts on. `null` while it
 * loads or with no version; `error` when it failed.
 */
export function useVersionStore(flowId: string | null, version: number | null): { store: EditorStore | null; error: unknown } {
  const [loaded, setLoaded] = useState<{ key: string; store: EditorStore } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = flowId === null || version === null ? null : `${flowId}\n${version}`;
  useEffect(() => {
    if (flowId === null || version === null) return;
    let current = true;
    setError(null);
    api.getVersion(flowId, version).then((document) => {
      if (current) setLoaded({ key: `${flowId}\n${version}`, store: createEditorStore({ document, readOnly: true }) });
    }, (failure: unknown) => { if (current) setError(failure); });
    return () => { current = false; };
  }, [flowId, version]);
  return { store: loaded?.key === key ? loaded.store : null, error };
}
