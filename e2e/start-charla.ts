import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { startFakeGraph } from '../server/testing/fake-graph.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Builds the editor with vite's `build()` into `outDir`. */
export async function buildEditor(outDir: string): Promise<void> {
  // Always the production build, as `npm start` serves it: under vitest NODE_ENV is `test`, which
  // would make vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export interface RunningCharla {
  url: string;
  adminToken: string;
  appSecret: string;
  graph: Awaited<ReturnType<typeof startFakeGraph>>;
  /** Where the editor was built (for bundle sizes). */
  editorDir: string;
  close(): Promise<void>;
}

/**
 * The real server on a free 127.0.0.1 port: a fresh SQLite file, the editor freshly built, an admin
 * token, and the Graph API pointed at a fake on 127.0.0.1.
 * @example const charla = await startCharla(); … await charla.close();
 */
export async function startCharla(): Promise<RunningCharla> {
  const dir = mkdtempSync(join(tmpdir(), 'charla-e2e-'));
  const editorDir = join(dir, 'editor');
  await buildEditor(editorDir);
  const graph = await startFakeGraph();
  const adminToken = 'e2e-admin-token';
  const appSecret = 'e2e-app-secret';
  const config = loadConfig({
    HOST: '127.0.0.1', PORT: '0', CHARLA_DB: join(dir, 'charla.db'), CHARLA_ADMIN_TOKEN: adminToken,
    WHATSAPP_GRAPH_URL: graph.url, WHATSAPP_APP_SECRET: appSecret, WHATSAPP_ACCESS_TOKEN: 'e2e-access-token',
  });
  const app = await buildApp({ config, editorDir });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    adminToken,
    appSecret,
    graph,
    editorDir,
    async close() {
      await app.close();
      await graph.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
