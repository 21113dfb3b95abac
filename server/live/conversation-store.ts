import type Database from 'better-sqlite3';

export interface ConversationRow {
  id: number;
  phoneNumberId: string;
  waId: string;
  contactName: string | null;
  flowId: string;
  flowVersion: number;
  status: string;
  session: string;
  lastUserMessageAt: number;
  updatedAt: number;
}

export type NewConversation = Omit<ConversationRow, 'id'>;

/**
 * One turn of a conversation: what the customer sent (direction 'in'), or a turn nobody typed
 * ('bot': an agent handed back) or an agent's reply ('agent'), with the messages sent in answer.
 * One row per turn, not per message: the history index is the costliest write of a turn.
 */
export interface HistoryRow {
  id: number;
  direction: 'in' | 'bot' | 'agent';
  /** JSON HistoryBody. */
  body: string;
  /** In: the customer's wamid. */
  wamid: string | null;
  /** The outbox row of the first reply; the others follow it (ids of one turn are consecutive). */
  outboxId: number | null;
  createdAt: number;
}

export interface HistoryBody {
  /** The InboundEvent, for direction 'in'. */
  event?: unknown;
  /** How many replies were queued; their Graph API bodies are the outbox rows from `outboxId` on. */
  replies: number;
}

/** A reply as sent: its Graph API body (JSON), the outbox state and the latest delivery status. */
export interface ReplyState {
  body: string;
  outboxState: string | null;
  deliveryStatus: string | null;
  errorCode: number | null;
  /** Why it failed, is held or waits: Meta's error message or title. */
  error: string | null;
}

const COLUMNS = `id, phone_number_id AS phoneNumberId, wa_id AS waId, contact_name AS contactName, flow_id AS flowId,
  flow_version AS flowVersion, status, session, last_user_message_at AS lastUserMessageAt, updated_at AS updatedAt`;

/**
 * Conversations (one per business number and contact) and their message history.
 * Prepared once; call the writers inside a GroupCommit.
 * @example const conversation = store.byContact('106540352242922', '5491155550123');
 */
export function createConversationStore(sqlite: Database.Database) {
  const byContact = sqlite.prepare<[string, string], ConversationRow>(
    `SELECT ${COLUMNS} FROM conversations WHERE phone_number_id = ? AND wa_id = ?`,
  );
  const byId = sqlite.prepare<[number], ConversationRow>(`SELECT ${COLUMNS} FROM conversations WHERE id = ?`);
  const byStatus = sqlite.prepare<[string, number], ConversationRow>(
    `SELECT ${COLUMNS} FROM conversations WHERE status = ? ORDER BY updated_at DESC LIMIT ?`,
  );
  // The writers of every turn bind positionally: binding by name costs a lookup per parameter.
  const insert = sqlite.prepare(
    `INSERT INTO conversations (contact_name, flow_id, flow_version, session, last_user_message_at, updated_at,
       status, phone_number_id, wa_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateColumns = `contact_name = ?, flow_id = ?, flow_version = ?, session = ?, last_user_message_at = ?, updated_at = ?`;
  // Leaving `status` out of the SET when it did not change spares SQLite the status index.
  const update = sqlite.prepare(`UPDATE conversations SET ${updateColumns} WHERE id = ?`);
  const updateWithStatus = sqlite.prepare(`UPDATE conversations SET ${updateColumns}, status = ? WHERE id = ?`);
  const addHistory = sqlite.prepare(
    `INSERT INTO conversation_messages (conversation_id, direction, body, wamid, outbox_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const recent = sqlite.prepare<[number, number], HistoryRow>(
    `SELECT id, direction, body, wamid, outbox_id AS outboxId, created_at AS createdAt
     FROM conversation_messages WHERE conversation_id = ? ORDER BY id DESC LIMIT ?`,
  );
  const replyState = sqlite.prepare<[number], ReplyState>(
    `SELECT o.body, o.state AS outboxState, s.status AS deliveryStatus, COALESCE(s.error_code, o.error_code) AS errorCode,
       COALESCE(s.error_title, o.error) AS error
     FROM outbox o LEFT JOIN message_statuses s ON s.wamid = o.wamid WHERE o.id = ?`,
  );

  return {
    byContact: (phoneNumberId: string, waId: string): ConversationRow | undefined => byContact.get(phoneNumberId, waId),
    byId: (id: number): ConversationRow | undefined => byId.get(id),
    /** Newest first. */
    byStatus: (status: string, limit: number): ConversationRow[] => byStatus.all(status, limit),
    /** Inserts, or updates the row `id` whose status was `previousStatus`; returns the id. */
    save(row: NewConversation & { id?: number }, previousStatus?: string): number {
      const columns = [row.contactName, row.flowId, row.flowVersion, row.session, row.lastUserMessageAt, row.updatedAt];
      if (row.id === undefined) return Number(insert.run(...columns, row.status, row.phoneNumberId, row.waId).lastInsertRowid);
      if (row.status === previousStatus) update.run(...columns, row.id);
      else updateWithStatus.run(...columns, row.status, row.id);
      return row.id;
    },
    addHistory(row: { conversationId: number; direction: HistoryRow['direction']; body: HistoryBody; wamid?: string; outboxId?: number; createdAt: number }): void {
      addHistory.run(row.conversationId, row.direction, JSON.stringify(row.body), row.wamid ?? null, row.outboxId ?? null, row.createdAt);
    },
    /** The last `limit` turns, oldest first. */
    recent: (conversationId: number, limit: number): HistoryRow[] => recent.all(conversationId, limit).reverse(),
    replyState: (outboxId: number): ReplyState | undefined => replyState.get(outboxId),
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
