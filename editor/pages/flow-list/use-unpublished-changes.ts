import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import type { ApiClient } from '../../api/api-client.ts';
import type { ElementChanges, FlowSummary } from '../../api/types.ts';

/**
 * Whether the draft differs from the live version: asks the server's diff (live → draft).
 * A flow never published has nothing live to differ from, so the answer is false. Undefined
 * while the answer is not known (loading, or the diff failed): callers must not act on a guess,
 * so an answer about an earlier revision or live version is never returned.
 * Used by the flow list (the "unpublished changes" pill), the editor's top bar and publish button.
 */
export function useUnpublishedChanges(flow: Pick<FlowSummary, 'id' | 'liveVersion' | 'revision'>, client: Pick<ApiClient, 'diff'> = api): boolean | undefined {
  const [answer, setAnswer] = useState<{ about: string; changed: boolean } | null>(null);
  const about = `${flow.id} ${String(flow.liveVersion)} ${flow.revision}`;
  useEffect(() => {
    if (flow.liveVersion === null) return;
    let cancelled = false;
    client.diff(flow.id, flow.liveVersion, 'draft')
      .then((diff) => {
        const count = (changes: ElementChanges) => changes.added.length + changes.removed.length + changes.changed.length;
        if (!cancelled) setAnswer({ about, changed: diff.fields.length + count(diff.nodes) + count(diff.edges) > 0 });
      })
      .catch(() => { if (!cancelled) setAnswer(null); });
    return () => { cancelled = true; };
  }, [client, flow.id, flow.liveVersion, flow.revision, about]);
  if (flow.liveVersion === null) return false;
  return answer?.about === about ? answer.changed : undefined;
}
