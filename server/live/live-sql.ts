import { sql, type Column, type SQL } from 'drizzle-orm';
import type { Timer } from '../../runtime/core/types.ts';
import { STATUS_RANK, type TimerRow } from './live-store.ts';
import type { RunState } from './analytics/turn-analytics.ts';

// SQL pieces the SQLite and PostgreSQL live stores write the same way in both dialects.

/** `excluded.<column>` in an upsert: the value the refused INSERT carried. */
export const excluded = (column: Column): SQL => sql.raw(`excluded."${column.name}"`);

/** A status's rank (STATUS_RANK) in SQL, so an upsert can refuse to move a status backwards. */
export const statusRank = (status: SQL | Column): SQL =>
  sql`CASE ${status} ${sql.raw(Object.entries(STATUS_RANK).map(([name, rank]) => `WHEN '${name}' THEN ${rank}`).join(' '))} ELSE 0 END`;

/** The columns both dialects' `message_statuses` tables have (server/db/live-schema.ts, postgres-schema.ts). */
interface StatusTable {
  wamid: Column; status: Column; timestamp: Column; errorCode: Column; errorTitle: Column; updatedAt: Column;
  pricingCategory: Column; pricingType: Column; billable: Column;
}

/**
 * How a status webhook updates the stored status of its wamid: only forwards (sent → delivered →
 * read, failed), and Meta's pricing kept from the first status that named it.
 */
export const statusUpsert = <Table extends StatusTable>(table: Table) => ({
  target: table.wamid as Table['wamid'],
  set: {
    status: excluded(table.status), timestamp: excluded(table.timestamp),
    errorCode: excluded(table.errorCode), errorTitle: excluded(table.errorTitle),
    updatedAt: excluded(table.updatedAt),
    pricingCategory: sql`coalesce(${table.pricingCategory}, ${excluded(table.pricingCategory)})`,
    pricingType: sql`coalesce(${table.pricingType}, ${excluded(table.pricingType)})`,
    billable: sql`coalesce(${table.billable}, ${excluded(table.billable)})`,
  },
  setWhere: sql`${statusRank(excluded(table.status))} > ${statusRank(table.status)}`,
});

/** The columns both dialects' `timers` tables have (server/db/live-schema.ts, postgres-schema.ts). */
interface TimerTable {
  id: Column; conversationId: Column; phoneNumberId: Column; waId: Column; epoch: Column; dueAt: Column;
  action: Column; state: Column; claimedUntil: Column;
}

/**
 * A timer an instance may claim at `now`: due and pending, or claimed by an instance whose lease
 * lapsed. Repeated in the UPDATE's own WHERE (not only in its subquery): PostgreSQL re-checks it on
 * a row another transaction just claimed, so two instances never both claim one timer.
 */
export const claimableTimer = (table: TimerTable, now: SQL): SQL =>
  sql`((${table.state} = 'pending' AND ${table.dueAt} <= ${now}) OR (${table.state} = 'claimed' AND ${table.claimedUntil} <= ${now}))`;

export const pendingTimers = (table: TimerTable): SQL => sql`${table.state} = 'pending'`;

/** When the scheduler must look next: a pending timer's due time, or a claim's lapse. */
export const timerSoonestDue = (table: TimerTable): SQL<number | null> =>
  sql<number | null>`min(CASE WHEN ${table.state} = 'pending' THEN ${table.dueAt} ELSE ${table.claimedUntil} END)`.mapWith(Number);

export const timerColumns = <Table extends TimerTable>(table: Table) => ({
  id: table.id, conversationId: table.conversationId, phoneNumberId: table.phoneNumberId, waId: table.waId,
  epoch: table.epoch, dueAt: table.dueAt, action: table.action,
} as { [K in 'id' | 'conversationId' | 'phoneNumberId' | 'waId' | 'epoch' | 'dueAt' | 'action']: Table[K] });

/** A stored timer row as the runtime's Timer, with what routes it to its contact's queue. */
export function timerRow(row: { id: number; conversationId: number; phoneNumberId: string; waId: string; epoch: number; dueAt: number; action: string }): TimerRow {
  const { id, conversationId, phoneNumberId, waId, epoch, dueAt, action } = row;
  return { id, conversationId, phoneNumberId, waId, timer: { dueAt: Number(dueAt), epoch, action: JSON.parse(action) as Timer['action'] } };
}

/** Claimed timers soonest first (RETURNING keeps no order). */
export const soonestFirst = (a: TimerRow, b: TimerRow): number => a.timer.dueAt - b.timer.dueAt;

/** A run as its conversation_runs row stores it (both dialects). */
export const runRow = (run: RunState, conversation: { id: number; phoneNumberId: string; waId: string; contactName: string | null }) => ({
  conversationId: conversation.id, phoneNumberId: conversation.phoneNumberId, waId: conversation.waId, contactName: conversation.contactName,
  flowId: run.flowId, flowVersion: run.flowVersion, outcome: run.outcome, handedOff: run.handedOff ? 1 : 0, lastNodeId: run.lastNodeId,
  path: JSON.stringify(run.path), startedAt: run.startedAt, updatedAt: run.updatedAt, endedAt: run.endedAt,
});

/** The columns both dialects' `conversation_starts` tables have, as a retry with the same key is answered. */
interface StartTable {
  requestHash: Column; conversationId: Column; outboxId: Column; flowId: Column; flowVersion: Column; phoneNumberId: Column; nodeId: Column;
}

export const startColumns = <Table extends StartTable>(table: Table) => ({
  requestHash: table.requestHash, conversationId: table.conversationId, outboxId: table.outboxId, flowId: table.flowId,
  flowVersion: table.flowVersion, phoneNumberId: table.phoneNumberId, nodeId: table.nodeId,
} as { [K in keyof StartTable]: Table[K] });
