import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import type { ApiClient } from '../../api/api-client.ts';
import type { ElementChanges, FlowSummary } from '../../api/types.ts';

/**
 * Whether the draft differs from the live version: asks the server's diff (live → draft).
 * A flow never published has nothing live to differ from, so the answer is false. Undefined
 * while the answer is not known (loading, or the diff failed): callers must not act on a guess.
 * Used by the flow list (the "unpublished changes" pill) and the publish button.
 */
export function useUnpublishedChanges(flow: Pick<FlowSummary, 'id' | 'liveVersion' | 'revision'>, client: Pick<ApiClient, 'diff'> = api): boolean | undefined {
  const [changed, setChanged] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (flow.liveVersion === null) return setChanged(false);
    let cancelled = false;
    setChanged(undefined);
    client.diff(flow.id, flow.liveVersion, 'draft')
      .then((diff) => {
        const count = (changes: ElementChanges) => changes.added.length + changes.removed.length + changes.changed.length;
        if (!cancelled) setChanged(diff.fields.length + count(diff.nodes) + count(diff.edges) > 0);
      })
      .catch(() => { if (!cancelled) setChanged(undefined); });
    return () => { cancelled = true; };
  }, [client, flow.id, flow.liveVersion, flow.revision]);
  return changed;
}
