import type { ApiClient } from '../api/api-client.ts';
import { RUN_OUTCOMES } from '../../schema/api/analytics.ts';

export { RUN_OUTCOMES };
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/** The history's filters as they stand in the URL (`#/history?flowId=tienda&from=2026-12-01`): dates are the browser's local days. */
export interface HistoryFilter { flowId?: string; version?: string; contact?: string; outcome?: string; from?: string; to?: string }

/** Local midnight of a `yyyy-mm-dd` day, as an ISO instant; `days` later for the end of a range. */
export function dayStart(day: string, days = 0): string | undefined {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return undefined;
  return new Date(year, month - 1, date + days).toISOString();
}

/** The filter as `GET /api/history` takes it: unknown or malformed values left out, `to` through the end of its day. */
export function historyQuery(filter: HistoryFilter): Parameters<ApiClient['listRuns']>[0] {
  const version = Number(filter.version);
  const from = filter.from ? dayStart(filter.from) : undefined;
  const to = filter.to ? dayStart(filter.to, 1) : undefined;
  return {
    limit: 200,
    ...(filter.flowId && { flowId: filter.flowId }),
    ...(Number.isInteger(version) && version >= 1 && { version }),
    ...(filter.contact?.trim() && { contact: filter.contact.trim() }),
    ...((RUN_OUTCOMES as readonly string[]).includes(filter.outcome ?? '') && { outcome: filter.outcome as RunOutcome }),
    ...(from && { from }),
    ...(to && { to }),
  };
}
