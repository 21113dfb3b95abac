/**
 * `npm start` (after `vite build`): opens and migrates the database (the SQLite file, or PostgreSQL
 * with CHARLA_DATABASE_URL), loads the fixture bots on
 * first run, makes sure someone can sign in, and serves the editor and the API.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { FIRST_ADMIN_TOKEN } from '../schema/api/roles.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type ServerConfig } from './config.ts';
import { openCharlaDatabase } from './db/database.ts';
import { seedFixtureDrafts } from './flows/seed-fixtures.ts';

const EDITOR_DIR = fileURLToPath(new URL('../dist/editor', import.meta.url));

let config: ServerConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Charla cannot start: ${error.message}`);
  process.exit(1);
}

const database = await openCharlaDatabase(config);
const editorDir = existsSync(EDITOR_DIR) ? EDITOR_DIR : undefined;
let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp({ config, database, logger: { level: process.env.LOG_LEVEL ?? 'info' }, ...(editorDir ? { editorDir } : {}) });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Charla cannot start: ${error.message}`);
  process.exit(1);
}
const { tokens, secretKey } = app.charla;

const seeded = await seedFixtureDrafts(app.charla);
for (const { file, reason } of seeded.skipped) app.log.warn({ file, reason }, 'fixture not loaded');

// Without CHARLA_ADMIN_TOKEN nobody could sign in: create an admin token once and show it once.
const firstAdminToken = config.adminToken === undefined && !(await tokens.hasAdminToken())
  ? (await tokens.create({ ...FIRST_ADMIN_TOKEN, role: 'admin', now: Date.now() })).token
  : undefined;

await app.listen({ host: config.host, port: config.port });
const { port } = app.server.address() as AddressInfo;
const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

const lines = [
  '',
  `Charla is running at ${url}`,
  `  database: ${database.location}`,
  editorDir ? `  editor:   ${url}/` : '  editor:   not built (run `npm run build`); the API is up',
];
if (secretKey.kind === 'generated') {
  lines.push(`  secrets:  channel tokens are encrypted with a new key in ${secretKey.file} (mode 0600);`,
    '            back it up with the database, or set CHARLA_SECRET_KEY to it (see docs/security.md)');
}
if (seeded.firstRun) lines.push(`  loaded ${seeded.loaded.length} sample bots as drafts: ${seeded.loaded.join(', ')}`);
if (firstAdminToken) {
  lines.push(
    '',
    '  Sign in with this admin token (shown only now; it is stored hashed):',
    `  Admin token: ${firstAdminToken}`,
    '  Paste it on the sign-in screen, or call the API with `Authorization: Bearer <token>`.',
  );
} else if (config.adminToken) {
  lines.push('', '  Sign in with the token in CHARLA_ADMIN_TOKEN.');
} else {
  lines.push('', '  Sign in with the admin token printed on the first run, or set CHARLA_ADMIN_TOKEN and restart.');
}
console.log(lines.join('\n') + '\n');

async function shutdown(signal: string): Promise<void> {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
