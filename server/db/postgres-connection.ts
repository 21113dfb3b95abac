import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as tables from './postgres-schema.ts';

export type CharlaPgDb = NodePgDatabase<typeof tables>;

export interface PostgresConnection {
  db: CharlaPgDb;
  pool: pg.Pool;
  close(): Promise<void>;
}

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./postgres-migrations', import.meta.url));

/**
 * Connects to PostgreSQL (CHARLA_DATABASE_URL) and applies pending migrations. Several instances
 * may start at once: drizzle's migrator runs in one transaction, and an advisory lock makes the
 * others wait for it instead of racing to create the same tables.
 * @example const { db, close } = await openPostgres('postgres://charla@db/charla');
 */
export async function openPostgres(url: string, options: { maxConnections?: number } = {}): Promise<PostgresConnection> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  const db = drizzle(pool, { schema: tables });
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema: tables }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return { db, pool, close: () => pool.end() };
}

/** Any fixed number: the advisory lock instances take while migrating. */
const MIGRATION_LOCK = 7_340_271;
