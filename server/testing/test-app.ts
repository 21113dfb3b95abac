import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from '../app.ts';
import { loadConfig } from '../config.ts';

export const TEST_ADMIN_TOKEN = 'test-admin-token';

export interface TestApp {
  app: FastifyInstance;
  dbPath: string;
  /** Headers carrying a bearer token (the env admin token by default). */
  auth(token?: string): { authorization: string };
  close(): Promise<void>;
}

/**
 * A fresh app on its own SQLite file in a temp folder, with CHARLA_ADMIN_TOKEN set.
 * @example const t = await createTestApp(); afterEach(() => t.close());
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: Omit<BuildAppOptions, 'config'> = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'charla-test-'));
  const dbPath = join(dir, 'charla.db');
  const config = loadConfig({ CHARLA_DB: dbPath, CHARLA_ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...env });
  const app = await buildApp({ config, ...options });
  return {
    app,
    dbPath,
    auth: (token = TEST_ADMIN_TOKEN) => ({ authorization: `Bearer ${token}` }),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
