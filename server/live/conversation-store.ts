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

export interface HistoryRow {
  id: number;
  direction: 'in' | 'bot' | 'agent';
  body: string;
  wamid: string | null;
  outboxId: number | null;
  createdAt: number;
  /** For outgoing messages: the outbox state and the latest delivery status. */
  outboxState: string | null;
  deliveryStatus: string | null;
  errorCode: number | null;
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
  const insert = sqlite.prepare(
    `INSERT INTO conversations (phone_number_id, wa_id, contact_name, flow_id, flow_version, status, session,
       last_user_message_at, updated_at)
     VALUES (@phoneNumberId, @waId, @contactName, @flowId, @flowVersion, @status, @session, @lastUserMessageAt, @updatedAt)`,
  );
  const update = sqlite.prepare(
    `UPDATE conversations SET contact_name = @contactName, flow_id = @flowId, flow_version = @flowVersion,
       status = @status, session = @session, last_user_message_at = @lastUserMessageAt, updated_at = @updatedAt
     WHERE id = @id`,
  );
  const addHistory = sqlite.prepare(
    `INSERT INTO conversation_messages (conversation_id, direction, body, wamid, outbox_id, created_at)
     VALUES (@conversationId, @direction, @body, @wamid, @outboxId, @createdAt)`,
  );
  const recent = sqlite.prepare<[number, number], HistoryRow>(
    `SELECT m.id, m.direction, m.body, m.wamid, m.outbox_id AS outboxId, m.created_at AS createdAt,
       o.state AS outboxState, s.status AS deliveryStatus, COALESCE(s.error_code, o.error_code) AS errorCode
     FROM conversation_messages m
     LEFT JOIN outbox o ON o.id = m.outbox_id
     LEFT JOIN message_statuses s ON s.wamid = o.wamid
     WHERE m.conversation_id = ? ORDER BY m.id DESC LIMIT ?`,
  );

  return {
    byContact: (phoneNumberId: string, waId: string): ConversationRow | undefined => byContact.get(phoneNumberId, waId),
    byId: (id: number): ConversationRow | undefined => byId.get(id),
    /** Newest first. */
    byStatus: (status: string, limit: number): ConversationRow[] => byStatus.all(status, limit),
    /** Inserts or updates (by id); returns the id. */
    save(row: NewConversation & { id?: number }): number {
      if (row.id !== undefined) {
        update.run(row);
        return row.id;
      }
      return Number(insert.run(row).lastInsertRowid);
    },
    addHistory(row: { conversationId: number; direction: HistoryRow['direction']; body: string; wamid?: string; outboxId?: number; createdAt: number }): void {
      addHistory.run({ wamid: null, outboxId: null, ...row });
    },
    /** The last `limit` messages, oldest first. */
    recent: (conversationId: number, limit: number): HistoryRow[] => recent.all(conversationId, limit).reverse(),
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
