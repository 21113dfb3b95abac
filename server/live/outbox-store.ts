import type Database from 'better-sqlite3';

/** A message waiting to be (re)sent, as the sender keeps it in memory. */
export interface OutboxItem {
  id: number;
  conversationId: number;
  phoneNumberId: string;
  /** The Graph API request body, JSON. */
  body: string;
  attempts: number;
  nextAttemptAt: number;
}

export interface UnsentOutboxItem extends OutboxItem {
  state: 'queued' | 'in_flight';
}

/**
 * The outbox table. No secondary index on purpose (docs/performance.md): the sender keeps what is unsent
 * in memory and scans the table once at start-up. Call the writers inside a GroupCommit.
 * @example const id = store.enqueue({ conversationId, phoneNumberId, body, createdAt: now });
 */
export function createOutboxStore(sqlite: Database.Database) {
  const insert = sqlite.prepare(
    `INSERT INTO outbox (conversation_id, phone_number_id, body, state, attempts, next_attempt_at, created_at)
     VALUES (@conversationId, @phoneNumberId, @body, 'queued', 0, @createdAt, @createdAt)`,
  );
  const unsent = sqlite.prepare(
    `SELECT id, conversation_id AS conversationId, phone_number_id AS phoneNumberId, body, attempts,
       next_attempt_at AS nextAttemptAt, state
     FROM outbox WHERE state IN ('queued', 'in_flight') ORDER BY id`,
  );
  const inFlight = sqlite.prepare(`UPDATE outbox SET state = 'in_flight', attempts = attempts + 1 WHERE id = ?`);
  const sent = sqlite.prepare(`UPDATE outbox SET state = 'sent', wamid = @wamid WHERE id = @id`);
  const retry = sqlite.prepare(
    `UPDATE outbox SET state = 'queued', next_attempt_at = @nextAttemptAt, error_code = @errorCode, error = @error
     WHERE id = @id`,
  );
  const failed = sqlite.prepare(
    `UPDATE outbox SET state = 'failed', error_code = @errorCode, error = @error WHERE id = @id`,
  );
  const held = sqlite.prepare(
    `UPDATE outbox SET state = 'held', error_code = @errorCode, error = @error WHERE id = @id`,
  );

  return {
    /** Queues a Graph API body; returns the row id (which orders sends within a conversation). */
    enqueue: (row: { conversationId: number; phoneNumberId: string; body: string; createdAt: number }): number =>
      Number(insert.run(row).lastInsertRowid),
    /** Queued and in-flight rows, oldest first (start-up). */
    unsent: (): UnsentOutboxItem[] => unsent.all() as UnsentOutboxItem[],
    /** Written and committed before the Graph API call, so a crash resends at most these. */
    markInFlight: (id: number): void => {
      inFlight.run(id);
    },
    markSent: (id: number, wamid: string | null): void => {
      sent.run({ id, wamid });
    },
    markRetry: (id: number, nextAttemptAt: number, errorCode: number | null, error: string): void => {
      retry.run({ id, nextAttemptAt, errorCode, error });
    },
    markFailed: (id: number, errorCode: number | null, error: string): void => {
      failed.run({ id, errorCode, error });
    },
    /** Not sent: the 24-hour window is closed (shown as "window closed" in the inbox). */
    markHeld: (id: number, errorCode: number | null, error: string): void => {
      held.run({ id, errorCode, error });
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
