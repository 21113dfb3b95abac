import type { ApiClient } from '../api/api-client.ts';
import type { DiffSide, FlowDiff } from '../api/types.ts';

type DiffClient = Pick<ApiClient, 'diff'>;

const running = new WeakMap<DiffClient, Map<string, Promise<FlowDiff>>>();

/**
 * The client's `diff`, with one request for the same question asked at the same draft revision while it
 * runs: the top bar's unpublished marker and the publish button both ask after every save.
 */
export function sharedDiff(client: DiffClient, revision: number): DiffClient {
  let pending = running.get(client);
  if (!pending) running.set(client, pending = new Map());
  const requests = pending;
  return {
    diff(id: string, from: DiffSide, to: DiffSide) {
      const key = `${id} ${String(from)} ${String(to)} @${revision}`;
      const request = requests.get(key) ?? client.diff(id, from, to).finally(() => requests.delete(key));
      requests.set(key, request);
      return request;
    },
  };
}
