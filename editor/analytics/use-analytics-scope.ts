import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import type { AnalyticsQuery, VersionSummary } from '../api/types.ts';
import { dayStart } from '../history/history-filter.ts';

/** What a page's analytics cover: a version of the flow and a range of local days (empty: unbounded). */
export interface AnalyticsScope {
  versions: VersionSummary[] | null;
  version: number | null;
  from: string;
  to: string;
  setVersion(version: number): void;
  setFrom(day: string): void;
  setTo(day: string): void;
  /** The query for the analytics endpoints; null until a version is known. */
  query: AnalyticsQuery | null;
  error: unknown;
}

/** The flow's versions (the live one chosen first, else the newest) and the chosen range. */
export function useAnalyticsScope(flowId: string | null): AnalyticsScope {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setVersions(null);
    setVersion(null);
    setError(null);
    if (flowId === null) return;
    let current = true;
    api.listVersions(flowId).then((list) => {
      if (!current) return;
      setVersions(list);
      setVersion((list.find((entry) => entry.live) ?? list[0])?.version ?? null);
    }, (failure: unknown) => { if (current) setError(failure); });
    return () => { current = false; };
  }, [flowId]);
  const fromIso = from ? dayStart(from) : undefined;
  const toIso = to ? dayStart(to, 1) : undefined;
  const query = version === null ? null : { version, ...(fromIso && { from: fromIso }), ...(toIso && { to: toIso }) };
  return { versions, version, from, to, setVersion, setFrom, setTo, query, error };
}
