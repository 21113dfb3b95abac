import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';
import * as liveSchema from './live-schema.ts';

const tables = { ...schema, ...liveSchema };
export type CharlaDb = BetterSQLite3Database<typeof tables>;

export interface DbConnection {
  /** drizzle over the connection below; prepare hot queries once (`.prepare()`). */
  db: CharlaDb;
  /** The raw better-sqlite3 connection, for pragmas, checkpoints and hand-tuned statements. */
  sqlite: Database.Database;
  close(): void;
}

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Opens (or creates) the SQLite file, tunes it for a write-heavy server and runs pending migrations.
 * @example const { db, close } = openDatabase('./data/charla.db');
 */
export function openDatabase(path: string): DbConnection {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL + NORMAL survives a process crash (docs/performance.md); FULL would only add power-loss safety.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // The default (1000 pages) checkpoints every few hundred transactions and blocks the event loop
  // ~5 ms each time, which sets the webhook's p99; checkpoint less often, in bigger steps.
  sqlite.pragma('wal_autocheckpoint = 10000');
  const db = drizzle(sqlite, { schema: tables });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, sqlite, close: () => sqlite.close() };
}
