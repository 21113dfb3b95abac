import { eq, sql } from 'drizzle-orm';
import type { CharlaDb } from '../db/connection.ts';
import { channels } from '../db/schema.ts';

/** A channel as the live path uses it: its own secrets, else the server's defaults. */
export interface ResolvedChannel {
  phoneNumberId: string;
  flowId: string;
  accessToken: string | undefined;
  appSecret: string | undefined;
  verifyToken: string | undefined;
}

/** What the API may show about a channel: whether each secret is set, never its value. */
export interface ChannelSummary {
  phoneNumberId: string;
  flowId: string;
  hasAccessToken: boolean;
  hasAppSecret: boolean;
  hasVerifyToken: boolean;
  updatedAt: number;
}

export type ChannelSecrets = Partial<Record<'accessToken' | 'appSecret' | 'verifyToken', string>>;

/**
 * WhatsApp business numbers bound to flows. `resolve` is a prepared statement: the webhook calls it per request.
 * @example const channel = repo.resolve('1234567890'); // undefined if unknown
 */
export function createChannelRepository(db: CharlaDb, defaults: ChannelSecrets) {
  const byId = db.select().from(channels).where(eq(channels.phoneNumberId, sql.placeholder('id'))).prepare();
  const summarise = (row: typeof channels.$inferSelect): ChannelSummary => ({
    phoneNumberId: row.phoneNumberId,
    flowId: row.flowId,
    hasAccessToken: row.accessToken !== null,
    hasAppSecret: row.appSecret !== null,
    hasVerifyToken: row.verifyToken !== null,
    updatedAt: row.updatedAt,
  });

  return {
    resolve(phoneNumberId: string): ResolvedChannel | undefined {
      const row = byId.get({ id: phoneNumberId });
      return row && {
        phoneNumberId: row.phoneNumberId,
        flowId: row.flowId,
        accessToken: row.accessToken ?? defaults.accessToken,
        appSecret: row.appSecret ?? defaults.appSecret,
        verifyToken: row.verifyToken ?? defaults.verifyToken,
      };
    },

    /** Binds a number to a flow; secrets left out keep their stored value. */
    upsert(phoneNumberId: string, flowId: string, secrets: ChannelSecrets, now: number): ChannelSummary {
      const given = Object.fromEntries(Object.entries(secrets).filter(([, value]) => value !== undefined));
      db.insert(channels)
        .values({ phoneNumberId, flowId, ...given, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: channels.phoneNumberId, set: { flowId, ...given, updatedAt: now } })
        .run();
      return summarise(byId.get({ id: phoneNumberId })!);
    },

    list(): ChannelSummary[] {
      return db.select().from(channels).orderBy(channels.phoneNumberId).all().map(summarise);
    },

    /** Every verify token in use (channels' own and the default), for the webhook's GET verification. */
    verifyTokens(): string[] {
      const own = db.select({ token: channels.verifyToken }).from(channels).all().map((row) => row.token);
      return [...own, defaults.verifyToken].filter((token): token is string => typeof token === 'string');
    },
  };
}

export type ChannelRepository = ReturnType<typeof createChannelRepository>;
