import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { CharlaDatabase } from '../db/database.ts';
import type { Role } from '../../schema/api/roles.ts';
import type { TokenSummary } from '../../schema/api/tokens.ts';
import type { Principal } from './principal.ts';
import { hashTokenSecret, newTokenSecret } from './token-secret.ts';

/** API tokens, stored as sha-256 hashes. The lookup on each request is a prepared statement. */
export function createTokenRepository({ db, tables: { apiTokens }, prepared }: CharlaDatabase) {
  const byHash = prepared(db
    .select({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt))), 'token_by_hash');
  const summary = {
    id: apiTokens.id, name: apiTokens.name, role: apiTokens.role,
    createdBy: apiTokens.createdBy, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt,
  };

  return {
    /** The principal a token belongs to, or undefined if unknown or revoked. */
    async principalFor(token: string): Promise<Principal | undefined> {
      const [row] = await byHash({ hash: hashTokenSecret(token) });
      return row && { name: row.name, role: row.role, tokenId: row.id };
    },

    /** Creates a token and returns its secret: the only time it is ever visible. */
    async create(input: { name: string; role: Role; createdBy: string; now: number }): Promise<{ id: string; token: string }> {
      const token = newTokenSecret();
      const id = randomUUID();
      await db.insert(apiTokens).values({
        id, name: input.name, role: input.role, tokenHash: hashTokenSecret(token),
        createdBy: input.createdBy, createdAt: input.now,
      });
      return { id, token };
    },

    list(): Promise<TokenSummary[]> {
      return db.select(summary).from(apiTokens).orderBy(desc(apiTokens.createdAt));
    },

    /**
     * Marks a token revoked; false if there is no such token. Revoking again is a no-op: the
     * first revokedAt stays, the record of when the token stopped working.
     */
    async revoke(id: string, now: number): Promise<boolean> {
      const revoked = await db.update(apiTokens).set({ revokedAt: now })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
      if (revoked.length > 0) return true;
      return (await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.id, id))).length > 0;
    },

    /** Whether any admin token was ever created and not revoked (npm start creates one only once). */
    async hasAdminToken(): Promise<boolean> {
      const rows = await db.select({ id: apiTokens.id }).from(apiTokens)
        .where(and(eq(apiTokens.role, 'admin'), isNull(apiTokens.revokedAt))).limit(1);
      return rows.length > 0;
    },
  };
}

export type TokenRepository = ReturnType<typeof createTokenRepository>;
