import { eq, isNotNull, sql } from 'drizzle-orm';
import type { CharlaDb } from '../db/connection.ts';
import { channels } from '../db/schema.ts';

/** A channel as the live path uses it: its own secrets, else the server's defaults. */
export interface ResolvedChannel {
  phoneNumberId: string;
  flowId: string;
  accessToken: string | undefined;
  appSecret: string | undefined;
  verifyToken: string | undefined;
  wabaId: string | null;
}

/** Why a channel is paused: the Graph API error that refused the channel itself. */
export interface ChannelPause {
  code: number | null;
  reason: string;
  since: number;
}

/** What the API may show about a channel: whether each secret is set, never its value. */
export interface ChannelSummary {
  phoneNumberId: string;
  flowId: string;
  hasAccessToken: boolean;
  hasAppSecret: boolean;
  hasVerifyToken: boolean;
  wabaId: string | null;
  /** `paused`: the Graph API refused the channel itself; its messages wait until an admin fixes it. */
  state: 'active' | 'paused';
  pause: ChannelPause | null;
  updatedAt: number;
}

export type ChannelSecrets = Partial<Record<'accessToken' | 'appSecret' | 'verifyToken', string>>;
export type ChannelSettings = ChannelSecrets & { wabaId?: string };

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
    wabaId: row.wabaId,
    state: row.pausedAt === null ? 'active' : 'paused',
    pause: row.pausedAt === null ? null : { code: row.pauseCode, reason: row.pauseReason ?? '', since: row.pausedAt },
    updatedAt: row.updatedAt,
  });
  const unpaused = { pausedAt: null, pauseCode: null, pauseReason: null };

  return {
    resolve(phoneNumberId: string): ResolvedChannel | undefined {
      const row = byId.get({ id: phoneNumberId });
      return row && {
        phoneNumberId: row.phoneNumberId,
        flowId: row.flowId,
        accessToken: row.accessToken ?? defaults.accessToken,
        appSecret: row.appSecret ?? defaults.appSecret,
        verifyToken: row.verifyToken ?? defaults.verifyToken,
        wabaId: row.wabaId,
      };
    },

    /**
     * Binds a number to a flow; settings left out keep their stored value. A new access token
     * clears a pause: it is how an admin fixes an expired or revoked token (190).
     */
    upsert(phoneNumberId: string, flowId: string, settings: ChannelSettings, now: number): ChannelSummary {
      const given = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
      const resume = settings.accessToken !== undefined ? unpaused : {};
      db.insert(channels)
        .values({ phoneNumberId, flowId, ...given, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: channels.phoneNumberId, set: { flowId, ...given, ...resume, updatedAt: now } })
        .run();
      return summarise(byId.get({ id: phoneNumberId })!);
    },

    summary(phoneNumberId: string): ChannelSummary | undefined {
      const row = byId.get({ id: phoneNumberId });
      return row && summarise(row);
    },

    /** Records that the Graph API refused the channel itself; the first error is kept until it resumes. */
    pause(phoneNumberId: string, code: number | null, reason: string, now: number): void {
      db.update(channels).set({ pausedAt: now, pauseCode: code, pauseReason: reason })
        .where(sql`${channels.phoneNumberId} = ${phoneNumberId} AND ${channels.pausedAt} IS NULL`).run();
    },

    resume(phoneNumberId: string, now: number): void {
      db.update(channels).set({ ...unpaused, updatedAt: now }).where(eq(channels.phoneNumberId, phoneNumberId)).run();
    },

    /** The numbers paused now (the sender holds their messages from start-up on). */
    pausedNumbers(): string[] {
      return db.select({ id: channels.phoneNumberId }).from(channels).where(isNotNull(channels.pausedAt)).all().map((row) => row.id);
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
