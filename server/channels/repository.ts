import { eq, isNotNull, like, or, sql } from 'drizzle-orm';
import { ConfigError } from '../config.ts';
import type { CharlaDatabase } from '../db/database.ts';
import { SHARED_READ_CACHE_MS, sharedReadCache } from '../db/shared-read-cache.ts';
import { SecretBox, SecretDecryptionError } from './secret-box.ts';

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

type ChannelRow = CharlaDatabase['tables']['channels']['$inferSelect'];

/** The columns encrypted at rest (docs/security.md): what lets someone send as, or receive for, the number. */
const ENCRYPTED = ['accessToken', 'appSecret'] as const;

/** Whether any channel secret in the database is encrypted (then its key must be found at start-up). */
export async function hasEncryptedChannelSecrets({ db, tables: { channels } }: CharlaDatabase): Promise<boolean> {
  const rows = await db.select({ id: channels.phoneNumberId }).from(channels)
    .where(or(like(channels.accessToken, 'enc:%'), like(channels.appSecret, 'enc:%'))).limit(1);
  return rows.length > 0;
}

/**
 * WhatsApp business numbers bound to flows. `resolve` is a prepared statement: the webhook calls it per request.
 * Access tokens and app secrets are stored encrypted with `box` and decrypted when resolved; on PostgreSQL a
 * resolved channel is kept for SHARED_READ_CACHE_MS (a round trip per webhook, turn and send otherwise).
 * @example const channel = await repo.resolve('1234567890'); // undefined if unknown
 */
export function createChannelRepository(database: CharlaDatabase, defaults: ChannelSecrets, box: SecretBox) {
  const { db, tables: { channels } } = database;
  const byIdQuery = database.prepared(db.select().from(channels).where(eq(channels.phoneNumberId, sql.placeholder('id'))), 'channel_by_id');
  const byId = async (id: string) => (await byIdQuery({ id }))[0];
  const open = (stored: string | null): string | undefined => (stored === null ? undefined : box.open(stored));
  const summarise = (row: ChannelRow): ChannelSummary => ({
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

  const resolved = sharedReadCache(async (phoneNumberId: string): Promise<ResolvedChannel | undefined> => {
    const row = await byId(phoneNumberId);
    return row && {
      phoneNumberId: row.phoneNumberId,
      flowId: row.flowId,
      accessToken: open(row.accessToken) ?? defaults.accessToken,
      appSecret: open(row.appSecret) ?? defaults.appSecret,
      verifyToken: row.verifyToken ?? defaults.verifyToken,
      wabaId: row.wabaId,
    };
  }, database.dialect === 'postgres' ? SHARED_READ_CACHE_MS : 0);

  return {
    /** The channel with its secrets opened (the pause is not part of it: the sender reads that from the table). */
    resolve: (phoneNumberId: string): Promise<ResolvedChannel | undefined> => resolved.get(phoneNumberId),

    /**
     * Binds a number to a flow; settings left out keep their stored value. A new access token
     * clears a pause: it is how an admin fixes an expired or revoked token (190).
     */
    async upsert(phoneNumberId: string, flowId: string, settings: ChannelSettings, now: number): Promise<ChannelSummary> {
      const given = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)
        .map(([name, value]) => [name, (ENCRYPTED as readonly string[]).includes(name) ? box.seal(value) : value]));
      const resume = settings.accessToken !== undefined ? unpaused : {};
      const [row] = await db.insert(channels)
        .values({ phoneNumberId, flowId, ...given, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: channels.phoneNumberId, set: { flowId, ...given, ...resume, updatedAt: now } })
        .returning();
      resolved.forget(phoneNumberId);
      return summarise(row!);
    },

    /**
     * At start-up: encrypts secrets stored in plaintext before encryption existed, and checks that
     * every encrypted one opens with the key (a ConfigError naming the number when one does not).
     * Returns how many plaintext values were encrypted.
     */
    async sealPlaintextSecrets(): Promise<number> {
      let sealed = 0;
      await database.transaction(async (tx) => {
        for (const row of await tx.select().from(channels)) {
          const update: Partial<Record<(typeof ENCRYPTED)[number], string>> = {};
          for (const column of ENCRYPTED) {
            const stored = row[column];
            if (stored === null) continue;
            if (!SecretBox.isSealed(stored)) {
              update[column] = box.seal(stored);
              sealed += 1;
              continue;
            }
            try {
              box.open(stored);
            } catch (error) {
              if (!(error instanceof SecretDecryptionError)) throw error;
              throw new ConfigError(`The ${column} of number ${row.phoneNumberId} does not decrypt with this key: CHARLA_SECRET_KEY (or the key file) is not the key it was encrypted with`);
            }
          }
          if (Object.keys(update).length > 0) await tx.update(channels).set(update).where(eq(channels.phoneNumberId, row.phoneNumberId));
        }
      });
      resolved.forget();
      return sealed;
    },

    async summary(phoneNumberId: string): Promise<ChannelSummary | undefined> {
      const row = await byId(phoneNumberId);
      return row && summarise(row);
    },

    /** Records that the Graph API refused the channel itself; the first error is kept until it resumes. */
    async pause(phoneNumberId: string, code: number | null, reason: string, now: number): Promise<void> {
      await db.update(channels).set({ pausedAt: now, pauseCode: code, pauseReason: reason })
        .where(sql`${channels.phoneNumberId} = ${phoneNumberId} AND ${channels.pausedAt} IS NULL`);
    },

    async resume(phoneNumberId: string, now: number): Promise<void> {
      await db.update(channels).set({ ...unpaused, updatedAt: now }).where(eq(channels.phoneNumberId, phoneNumberId));
    },

    /** The numbers paused now (the sender holds their messages from start-up on). */
    async pausedNumbers(): Promise<string[]> {
      return (await db.select({ id: channels.phoneNumberId }).from(channels).where(isNotNull(channels.pausedAt))).map((row) => row.id);
    },

    async list(): Promise<ChannelSummary[]> {
      return (await db.select().from(channels).orderBy(channels.phoneNumberId)).map(summarise);
    },

    /** Every verify token in use (channels' own and the default), for the webhook's GET verification. */
    async verifyTokens(): Promise<string[]> {
      const own = (await db.select({ token: channels.verifyToken }).from(channels)).map((row) => row.token);
      return [...own, defaults.verifyToken].filter((token): token is string => typeof token === 'string');
    },
  };
}

export type ChannelRepository = ReturnType<typeof createChannelRepository>;
