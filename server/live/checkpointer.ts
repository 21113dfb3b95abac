import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Checkpoints the WAL from a worker thread, on its own connection, every `intervalMs`. SQLite's
 * automatic checkpoint runs on the thread that commits and blocks the event loop for milliseconds
 * (mostly fsync), which sets the webhook's p99 (docs/performance.md). A PASSIVE checkpoint elsewhere
 * copies the frames without blocking writers; the main thread's autocheckpoint, still on, is left
 * with little or nothing to do, so the WAL cannot grow without bound either.
 * @example const checkpointer = startCheckpointer(sqlite.name); await checkpointer.stop();
 */
export function startCheckpointer(databasePath: string, intervalMs = 250): { stop(): Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, databasePath, intervalMs } });
  worker.unref();
  return {
    async stop() {
      await worker.terminate();
    },
  };
}

// Plain CommonJS: eval'd workers do not go through the TypeScript loader.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const sqlite = new Database(workerData.databasePath);
sqlite.pragma('busy_timeout = 1000');
const checkpoint = sqlite.prepare('PRAGMA wal_checkpoint(PASSIVE)');
setInterval(() => {
  try { checkpoint.get(); } catch { /* busy: the next round catches up */ }
}, workerData.intervalMs);
`;
