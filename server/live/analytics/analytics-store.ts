import { and, desc, eq, gte, inArray, like, lt, lte, or, sql, sum, type SQL } from 'drizzle-orm';
import type { CharlaDatabase, CharlaTables } from '../../db/database.ts';
import type { HistoryRow } from '../live-store.ts';
import type { CounterMetric } from './counters.ts';
import type { RunOutcome } from './turn-analytics.ts';

/** One counter summed over the hours asked for. */
export interface CounterSum {
  nodeId: string;
  metric: CounterMetric;
  key: string;
  count: number;
  total: number;
}

/** One metric summed over a flow version's nodes, per hour. */
export interface HourSum {
  hour: number;
  metric: CounterMetric;
  count: number;
  total: number;
}

/** A row of conversation_runs, as the history shows it. */
export interface RunRow {
  id: number;
  conversationId: number;
  phoneNumberId: string;
  waId: string;
  contactName: string | null;
  flowId: string;
  flowVersion: number;
  outcome: RunOutcome;
  handedOff: boolean;
  lastNodeId: string | null;
  path: string;
  startedAt: number;
  updatedAt: number;
  endedAt: number | null;
}

export interface RunFilter {
  flowId?: string;
  version?: number;
  /** Part of the number or the name. */
  contact?: string;
  outcome?: RunOutcome;
  from?: number;
  to?: number;
  limit: number;
}

/** Hours [fromHour, toHour) of one flow version; undefined bounds are open. */
export interface CounterRange {
  flowId: string;
  version: number;
  fromHour?: number;
  toHour?: number;
}

/**
 * Reads the analytics tables (docs/analytics.md): counters summed over a range (a few hundred rows
 * per version and hour at most, on the primary key), per-hour sums for the plots, and the runs.
 */
export interface AnalyticsStore {
  sums(range: CounterRange): Promise<CounterSum[]>;
  hourly(range: CounterRange, metrics: readonly CounterMetric[]): Promise<HourSum[]>;
  runs(filter: RunFilter): Promise<RunRow[]>;
  run(id: number): Promise<RunRow | undefined>;
  /** The turns of a conversation in [from, to], oldest first, at most `limit`. */
  turns(conversationId: number, from: number, to: number | null, limit: number): Promise<HistoryRow[]>;
}

/** The WHERE clauses of the reads. */
function clauses(tables: CharlaTables) {
  const { flowCounters: counters, conversationRuns: runs } = tables;
  return {
    range: (range: CounterRange): SQL | undefined => and(
      eq(counters.flowId, range.flowId), eq(counters.flowVersion, range.version),
      range.fromHour === undefined ? undefined : gte(counters.hour, range.fromHour),
      range.toHour === undefined ? undefined : lt(counters.hour, range.toHour),
    ),
    runs: (filter: RunFilter): SQL | undefined => and(
      filter.flowId === undefined ? undefined : eq(runs.flowId, filter.flowId),
      filter.version === undefined ? undefined : eq(runs.flowVersion, filter.version),
      filter.outcome === undefined ? undefined
        : filter.outcome === 'handoff' ? eq(runs.handedOff, 1) : eq(runs.outcome, filter.outcome),
      filter.contact === undefined ? undefined
        : or(like(runs.waId, `%${plainSearch(filter.contact)}%`), like(runs.contactName, `%${plainSearch(filter.contact)}%`)),
      filter.from === undefined ? undefined : gte(runs.startedAt, filter.from),
      filter.to === undefined ? undefined : lt(runs.startedAt, filter.to),
    ),
  };
}

/** `%` and `_` in a search are dropped (both dialects escape LIKE differently): the search stays a plain substring. */
const plainSearch = (text: string) => text.replace(/[%_\\]/g, '');

const toRun = (row: Omit<RunRow, 'handedOff' | 'outcome'> & { handedOff: number; outcome: string }): RunRow =>
  ({ ...row, outcome: row.outcome as RunOutcome, handedOff: row.handedOff === 1 });

/**
 * The reads on the server's database, SQLite or PostgreSQL (one drizzle query each, awaited:
 * server/db/database.ts).
 * @example const analytics = createAnalyticsStore(charla.database); await analytics.sums({ flowId: 'pizzeria', version: 3 })
 */
export function createAnalyticsStore(database: CharlaDatabase): AnalyticsStore {
  const { db, tables } = database;
  const { flowCounters: counters, conversationRuns: runs, conversationMessages: messages } = tables;
  const where = clauses(tables);
  // Sums are cast so both dialects answer numbers of one kind (PostgreSQL's sum of bigint is numeric, read as text).
  const summed = { count: sql<number>`cast(${sum(counters.count)} as bigint)`, total: sql<number>`cast(${sum(counters.total)} as bigint)` };
  const runColumns = {
    id: runs.id, conversationId: runs.conversationId, phoneNumberId: runs.phoneNumberId, waId: runs.waId, contactName: runs.contactName,
    flowId: runs.flowId, flowVersion: runs.flowVersion, outcome: runs.outcome, handedOff: runs.handedOff, lastNodeId: runs.lastNodeId,
    path: runs.path, startedAt: runs.startedAt, updatedAt: runs.updatedAt, endedAt: runs.endedAt,
  };
  return {
    sums: async (range) => (await db.select({ nodeId: counters.nodeId, metric: counters.metric, key: counters.key, ...summed })
      .from(counters).where(where.range(range)).groupBy(counters.nodeId, counters.metric, counters.key)).map(numbers) as CounterSum[],
    hourly: async (range, metrics) => (await db.select({ hour: counters.hour, metric: counters.metric, ...summed }).from(counters)
      .where(and(where.range(range), inArray(counters.metric, [...metrics])))
      .groupBy(counters.hour, counters.metric).orderBy(counters.hour)).map(numbers) as HourSum[],
    runs: async (filter) => (await db.select(runColumns).from(runs).where(where.runs(filter))
      .orderBy(desc(runs.startedAt), desc(runs.id)).limit(filter.limit)).map((row) => toRun(numbers(row))),
    run: async (id) => {
      const [row] = await db.select(runColumns).from(runs).where(eq(runs.id, id));
      return row && toRun(numbers(row));
    },
    turns: async (conversationId, from, to, limit) => (await db.select({
      id: messages.id, direction: messages.direction, body: messages.body, wamid: messages.wamid, outboxId: messages.outboxId,
      createdAt: messages.createdAt,
    }).from(messages).where(and(
      eq(messages.conversationId, conversationId), gte(messages.createdAt, from),
      to === null ? undefined : lte(messages.createdAt, to),
    )).orderBy(messages.id).limit(limit)).map(numbers),
  };
}

/** Figures as numbers: PostgreSQL answers bigint sums (and some bigint columns through casts) as text. */
function numbers<Row extends object>(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([key, value]) =>
    [key, typeof value === 'string' && (key === 'count' || key === 'total' || key === 'hour') ? Number(value) : value])) as Row;
}
