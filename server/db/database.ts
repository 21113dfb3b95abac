import type Database from 'better-sqlite3';
import type pg from 'pg';
import { openDatabase, type CharlaDb, type DbConnection } from './connection.ts';
import { openPostgres, type CharlaPgDb, type PostgresConnection } from './postgres-connection.ts';
import * as postgresTables from './postgres-schema.ts';
import * as liveTables from './live-schema.ts';
import * as editorTables from './schema.ts';

/** Every table (schema.ts and live-schema.ts) as the repositories use them. */
const sqliteTables = { ...editorTables, ...liveTables };
export type CharlaTables = typeof sqliteTables;

/**
 * One database for the whole server, SQLite or PostgreSQL, as the repositories see it. Their queries
 * are drizzle's, written once: drizzle's builders have the same shape in both dialects, and the two
 * schemas agree column for column (postgres-schema.test.ts), so `db` and `tables` are typed as
 * SQLite's and are PostgreSQL's at run time on PostgreSQL. Repositories therefore only `await`
 * queries (`.returning()` to learn what changed) and never call the SQLite-only `.get()`, `.all()`
 * or `.run()`; the repository tests run on both stores to keep it so.
 */
export interface CharlaDatabase {
  dialect: 'sqlite' | 'postgres';
  db: CharlaDb;
  tables: CharlaTables;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: CharlaDb) => Promise<T>): Promise<T>;
  /**
   * A query prepared once (a hot read: a token per request, a channel per webhook). `name` names it
   * on PostgreSQL's connections; SQLite ignores it.
   */
  prepared<Row, Params extends Record<string, unknown> = Record<string, never>>(
    query: { prepare(): { all(params?: Params): Row[] } }, name: string,
  ): (params?: Params) => Promise<Row[]>;
  /** Resolves when the database answers a trivial query (GET /healthz). */
  ping(): Promise<void>;
  /** The SQLite connection (the live path's group commit, checkpoints); undefined on PostgreSQL. */
  sqlite: Database.Database | undefined;
  /** The PostgreSQL pool and drizzle over it with PostgreSQL's own types (the live store); undefined on SQLite. */
  pool: pg.Pool | undefined;
  postgres: CharlaPgDb | undefined;
  /** What to print as "database": the SQLite file, or the PostgreSQL address without its password. */
  location: string;
  close(): Promise<void>;
}

/**
 * Opens the server's database and applies pending migrations: PostgreSQL when `databaseUrl` is set
 * (CHARLA_DATABASE_URL), else the SQLite file.
 * @example const database = await openCharlaDatabase({ dbPath: './data/charla.db', databaseUrl: undefined });
 */
export async function openCharlaDatabase(input: { dbPath: string; databaseUrl: string | undefined }): Promise<CharlaDatabase> {
  return input.databaseUrl ? postgresDatabase(await openPostgres(input.databaseUrl), input.databaseUrl) : sqliteDatabase(openDatabase(input.dbPath));
}

/** The SQLite connection as a CharlaDatabase. */
export function sqliteDatabase(connection: DbConnection): CharlaDatabase {
  const { db, sqlite } = connection;
  let previous: Promise<unknown> = Promise.resolve();
  return {
    dialect: 'sqlite',
    db,
    tables: sqliteTables,
    // better-sqlite3 transactions are synchronous; these bodies await statements that run at once and
    // resolve in microtasks, so a body holds the connection without yielding to I/O or timers (and the
    // live path's group commits, which run in setImmediate). One body at a time: they queue here.
    transaction<T>(work: (tx: CharlaDb) => Promise<T>): Promise<T> {
      const run = async (): Promise<T> => {
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const value = await work(db);
          sqlite.exec('COMMIT');
          return value;
        } catch (error) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw error;
        }
      };
      const result = previous.then(run, run);
      previous = result.catch(() => undefined);
      return result;
    },
    prepared: (query) => {
      const statement = query.prepare();
      return async (params) => statement.all(params);
    },
    ping: async () => {
      sqlite.prepare('SELECT 1').get();
    },
    sqlite,
    pool: undefined,
    postgres: undefined,
    location: sqlite.name,
    close: async () => connection.close(),
  };
}

interface PostgresPreparable<Row> {
  prepare(name: string): { execute(params?: Record<string, unknown>): Promise<Row[]> };
}

/** The PostgreSQL pool as a CharlaDatabase (see CharlaDatabase for why its types are SQLite's). */
export function postgresDatabase(connection: PostgresConnection, url: string): CharlaDatabase {
  const db = connection.db as unknown as CharlaDb;
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return {
    dialect: 'postgres',
    db,
    tables: postgresTables as unknown as CharlaTables,
    transaction: (work) => connection.db.transaction((tx) => work(tx as unknown as CharlaDb)),
    prepared: <Row>(query: unknown, name: string) => {
      const statement = (query as PostgresPreparable<Row>).prepare(name);
      return (params?: Record<string, unknown>) => statement.execute(params);
    },
    ping: async () => {
      await connection.pool.query('SELECT 1');
    },
    sqlite: undefined,
    pool: connection.pool,
    postgres: connection.db,
    location: shown.toString(),
    close: () => connection.close(),
  };
}
