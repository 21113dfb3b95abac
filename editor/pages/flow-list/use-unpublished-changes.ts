import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import type { ElementChanges, FlowSummary } from '../../api/types.ts';

/**
 * Whether the draft differs from the live version: asks the server's diff (live → draft).
 * A flow never published has nothing live to differ from, so the answer is false.
 */
export function useUnpublishedChanges(flow: FlowSummary): boolean {
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (flow.liveVersion === null) return setChanged(false);
    let cancelled = false;
    api.diff(flow.id, flow.liveVersion, 'draft')
      .then((diff) => {
        const count = (changes: ElementChanges) => changes.added.length + changes.removed.length + changes.changed.length;
        if (!cancelled) setChanged(diff.fields.length + count(diff.nodes) + count(diff.edges) > 0);
      })
      .catch(() => { if (!cancelled) setChanged(false); });
    return () => { cancelled = true; };
  }, [flow.id, flow.liveVersion, flow.revision]);
  return changed;
}
