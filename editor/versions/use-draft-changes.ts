import { useMemo } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { useUnpublishedChanges } from '../pages/flow-list/use-unpublished-changes.ts';
import { isDirty, useEditorStore } from '../store/index.ts';
import { sharedDiff } from './shared-diff.ts';

/**
 * Whether the draft on screen differs from the live version: the flow list's check (the server's diff,
 * asked again after each save), and unsaved edits count as changes. False before anything was published;
 * undefined while the answer is not known.
 */
export function useDraftChanges(client: Pick<ApiClient, 'diff'>, flowId: string, liveVersion: number | null): boolean | undefined {
  const revision = useEditorStore((state) => state.revision);
  const dirty = useEditorStore(isDirty);
  const shared = useMemo(() => sharedDiff(client, revision), [client, revision]);
  const saved = useUnpublishedChanges({ id: flowId, liveVersion, revision }, shared);
  return liveVersion !== null && dirty ? true : saved;
}
