import type Database from 'better-sqlite3';
import type { RuntimePorts } from '../runtime/core/types.ts';
import type { Principal } from './auth/principal.ts';
import type { TokenRepository } from './auth/token-repository.ts';
import type { MetaFlows } from './channels/meta-flows.ts';
import type { ChannelRepository } from './channels/repository.ts';
import type { SecretKeySource } from './channels/secret-key.ts';
import type { TemplateStore } from './channels/templates.ts';
import type { ServerConfig } from './config.ts';
import type { CharlaDb } from './db/connection.ts';
import type { CharlaDatabase } from './db/database.ts';
import type { DraftProblems } from './flows/draft-problems.ts';
import type { FlowRepository } from './flows/repository.ts';

/**
 * What every plugin shares, decorated on the app as `app.charla` (and `request.server.charla`).
 * Plugins read the database through these repositories or their own queries on `database`, which
 * work on SQLite and PostgreSQL alike (server/db/database.ts says how to write them).
 */
export interface CharlaContext {
  config: ServerConfig;
  /** SQLite or PostgreSQL (CHARLA_DATABASE_URL): `database.db` with `database.tables`, `transaction`, `prepared`. */
  database: CharlaDatabase;
  /** `database.db`. */
  db: CharlaDb;
  /** The SQLite connection; undefined on PostgreSQL. */
  sqlite: Database.Database | undefined;
  flows: FlowRepository;
  /** The capped problems of stored draft revisions, validated once each (server/flows/draft-problems.ts). */
  draftProblems: DraftProblems;
  channels: ChannelRepository;
  /** The WhatsApp Flows behind each published version's forms, per WABA (docs/whatsapp.md §4). */
  metaFlows: MetaFlows;
  /** The message templates of the bound numbers' WABAs, as Meta last listed them (docs/whatsapp.md §3). */
  templates: TemplateStore;
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
