import type Database from 'better-sqlite3';
import type { RuntimePorts } from '../runtime/core/types.ts';
import type { Principal } from './auth/principal.ts';
import type { TokenRepository } from './auth/token-repository.ts';
import type { ChannelRepository } from './channels/repository.ts';
import type { SecretKeySource } from './channels/secret-key.ts';
import type { ServerConfig } from './config.ts';
import type { CharlaDb } from './db/connection.ts';
import type { FlowRepository } from './flows/repository.ts';

/**
 * What every plugin shares, decorated on the app as `app.charla` (and `request.server.charla`).
 * Plugins read the database through these repositories or prepare their own statements once, at
 * registration, on `db`/`sqlite`.
 */
export interface CharlaContext {
  config: ServerConfig;
  db: CharlaDb;
  sqlite: Database.Database;
  flows: FlowRepository;
  channels: ChannelRepository;
  /** Where the key encrypting channel secrets came from (never the key itself). */
  secretKey: SecretKeySource;
  tokens: TokenRepository;
  /** The ports API-call and AI nodes use (HTTP with the address guard, intent classifier, tokens), built once. */
  ports: RuntimePorts;
  /** The clock, in milliseconds since the epoch; tests may replace it. */
  now(): number;
}

declare module 'fastify' {
  interface FastifyInstance {
    charla: CharlaContext;
  }
  interface FastifyRequest {
    /** Set by requireRole(); null on routes without authentication. */
    principal: Principal | null;
  }
}
