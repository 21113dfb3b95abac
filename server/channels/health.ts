import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { CharlaDatabase } from '../db/database.ts';

/** Graph error codes that mean the access token itself is wrong: expired or invalid (190), missing permission (10, 200). */
const TOKEN_ERROR_CODES = new Set([190, 10, 200]);

/** How a number is doing, from what the live path already stored (no extra write on the hot path). */
export interface ChannelHealth {
  /** When its last webhook message arrived (ms since the epoch), null if none yet. */
  lastWebhookAt: number | null;
  /** The last message that failed to send, with the Graph error code and text. */
  lastSendError: { at: number; code: number | null; message: string } | null;
  /** Whether replies cannot go out because of the access token: none at all, or the Graph API refused it. */
  tokenProblem: 'missing' | 'refused' | null;
}

/**
 * Reads each number's health. inbound_messages and outbox carry no secondary index on purpose
 * (live-schema.ts), so these walk back from the newest row and stop at the first match: quick for a
 * number in use, an admin page's cost for an idle one.
 * @example const health = channelHealthReader(database); await health('106540352242922', true)
 */
export function channelHealthReader({ db, dialect, tables: { inboundMessages, outbox } }: CharlaDatabase) {
  // SQLite's rowid is the arrival order; PostgreSQL has none, and received_at is.
  const newestInbound = dialect === 'sqlite' ? desc(sql`rowid`) : desc(inboundMessages.receivedAt);
  return async (phoneNumberId: string, hasAccessToken: boolean): Promise<ChannelHealth> => {
    const [webhook] = await db.select({ receivedAt: inboundMessages.receivedAt }).from(inboundMessages)
      .where(eq(inboundMessages.phoneNumberId, phoneNumberId)).orderBy(newestInbound).limit(1);
    const [failure] = await db.select({ createdAt: outbox.createdAt, errorCode: outbox.errorCode, error: outbox.error }).from(outbox)
      .where(and(eq(outbox.phoneNumberId, phoneNumberId), isNotNull(outbox.error))).orderBy(desc(outbox.id)).limit(1);
    const refused = failure !== undefined && failure.errorCode !== null && TOKEN_ERROR_CODES.has(failure.errorCode);
    return {
      lastWebhookAt: webhook?.receivedAt ?? null,
      lastSendError: failure ? { at: failure.createdAt, code: failure.errorCode, message: failure.error ?? '' } : null,
      tokenProblem: !hasAccessToken ? 'missing' : refused ? 'refused' : null,
    };
  };
}
