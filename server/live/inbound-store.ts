import type Database from 'better-sqlite3';

/** What the processor needs back from an inbound row's payload. */
export interface InboundPayload {
  message: unknown;
  contactName?: string;
}

/** An acknowledged customer message, as the processor reads it back. */
export interface InboundRow {
  wamid: string;
  phoneNumberId: string;
  waId: string;
  payload: string;
  receivedAt: number;
  /** `payload` still parsed, when the row comes straight from the webhook (saves parsing it again). */
  decoded?: unknown;
}

export interface StatusUpdateRow {
  wamid: string;
  status: string;
  recipientId: string;
  timestampSeconds: number;
  errorCode: number | null;
  errorTitle: string | null;
  updatedAt: number;
}

/** Statuses in the order they may follow each other; `failed` is final and keeps its error code. */
export const STATUS_RANK: Readonly<Record<string, number>> = { sent: 1, delivered: 2, read: 3, played: 4, failed: 5 };

const RANK_SQL = (column: string) =>
  `CASE ${column} ${Object.entries(STATUS_RANK).map(([status, rank]) => `WHEN '${status}' THEN ${rank}`).join(' ')} ELSE 0 END`;

/**
 * Hand-prepared statements over inbound_messages and message_statuses (the webhook's hot path:
 * raw better-sqlite3 is the cheapest there, docs/performance.md). Call inside a GroupCommit.
 * @example store.insert(row) // false when the wamid was seen before
 */
export function createInboundStore(sqlite: Database.Database) {
  // Per-message statements bind positionally: binding by name costs a lookup per parameter.
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO inbound_messages (wamid, phone_number_id, wa_id, payload, state, received_at)
     VALUES (?, ?, ?, ?, 'pending', ?)`,
  );
  const pending = sqlite.prepare(
    `SELECT wamid, phone_number_id AS phoneNumberId, wa_id AS waId, payload, received_at AS receivedAt
     FROM inbound_messages WHERE state = 'pending' ORDER BY rowid`,
  );
  const finish = sqlite.prepare(`UPDATE inbound_messages SET state = ?, error = ? WHERE wamid = ?`);
  const stateOf = sqlite.prepare<[string], { state: string }>(`SELECT state FROM inbound_messages WHERE wamid = ?`);
  const upsertStatus = sqlite.prepare(
    `INSERT INTO message_statuses (wamid, status, recipient_id, timestamp, error_code, error_title, updated_at)
     VALUES (@wamid, @status, @recipientId, @timestampSeconds, @errorCode, @errorTitle, @updatedAt)
     ON CONFLICT (wamid) DO UPDATE SET status = excluded.status, timestamp = excluded.timestamp,
       error_code = excluded.error_code, error_title = excluded.error_title, updated_at = excluded.updated_at
     WHERE ${RANK_SQL('excluded.status')} > ${RANK_SQL('message_statuses.status')}`,
  );

  return {
    /** Stores a message unless its wamid is known; true when it is new. */
    insert: (row: InboundRow): boolean => insert.run(row.wamid, row.phoneNumberId, row.waId, row.payload, row.receivedAt).changes === 1,
    /** Acknowledged but not yet processed, in arrival order (rebuilds the queues at start-up). */
    pending: (): InboundRow[] => pending.all() as InboundRow[],
    state: (wamid: string): string | undefined => stateOf.get(wamid)?.state,
    finish: (wamid: string, outcome: { state: 'processed' | 'failed'; error: string | null }): void => {
      finish.run(outcome.state, outcome.error, wamid);
    },
    /** Records a status unless the stored one is as far along or further. */
    upsertStatus: (row: StatusUpdateRow): void => {
      upsertStatus.run(row);
    },
  };
}

export type InboundStore = ReturnType<typeof createInboundStore>;
