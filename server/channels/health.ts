import type Database from 'better-sqlite3';

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
 * @example const health = channelHealthReader(sqlite); health('106540352242922', true)
 */
export function channelHealthReader(sqlite: Database.Database) {
  const lastWebhook = sqlite.prepare<[string], { received_at: number }>(
    'SELECT received_at FROM inbound_messages WHERE phone_number_id = ? ORDER BY rowid DESC LIMIT 1',
  );
  const lastError = sqlite.prepare<[string], { created_at: number; error_code: number | null; error: string }>(
    'SELECT created_at, error_code, error FROM outbox WHERE phone_number_id = ? AND error IS NOT NULL ORDER BY id DESC LIMIT 1',
  );
  return (phoneNumberId: string, hasAccessToken: boolean): ChannelHealth => {
    const webhook = lastWebhook.get(phoneNumberId);
    const failure = lastError.get(phoneNumberId);
    const refused = failure !== undefined && failure.error_code !== null && TOKEN_ERROR_CODES.has(failure.error_code);
    return {
      lastWebhookAt: webhook?.received_at ?? null,
      lastSendError: failure ? { at: failure.created_at, code: failure.error_code, message: failure.error } : null,
      tokenProblem: !hasAccessToken ? 'missing' : refused ? 'refused' : null,
    };
  };
}
