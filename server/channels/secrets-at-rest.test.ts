import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { loadFixtureFlow } from '../../fixtures/index.ts';
import { TEST_ADMIN_TOKEN } from '../testing/test-app.ts';
import { runtimeConfigFromEnv } from '../../runtime/adapters/index.ts';
import { SecretBox } from './secret-box.ts';
import { secretKeyFile } from './secret-key.ts';

const NUMBER = '106540352242922';
const ACCESS_TOKEN = 'EAAG-access-token-that-must-not-lie-in-plain-text';
const APP_SECRET = 'app-secret-that-must-not-lie-in-plain-text';
const KEY = randomBytes(32).toString('base64');
const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'charla-secrets-'));
  dbPath = join(dir, 'charla.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function start(env: Record<string, string> = {}) {
  return buildApp({ config: loadConfig({ CHARLA_DB: dbPath, CHARLA_ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...env }) });
}

async function connectNumber(env: Record<string, string> = {}): Promise<void> {
  const app = await start(env);
  expect((await app.inject({ method: 'POST', url: '/api/flows', headers: auth, payload: loadFixtureFlow('ferreteria') })).statusCode).toBe(201);
  expect((await app.inject({ method: 'POST', url: '/api/flows/ferreteria/versions', headers: auth, payload: {} })).statusCode).toBe(201);
  const put = await app.inject({
    method: 'PUT', url: `/api/channels/whatsapp/${NUMBER}`, headers: auth,
    payload: { flowId: 'ferreteria', accessToken: ACCESS_TOKEN, appSecret: APP_SECRET },
  });
  expect(put.statusCode, put.body).toBe(200);
  expect(await app.charla.channels.resolve(NUMBER)).toMatchObject({ accessToken: ACCESS_TOKEN, appSecret: APP_SECRET });
  await app.close();
}

function storedSecrets(): { access_token: string; app_secret: string } {
  const sqlite = new Database(dbPath, { readonly: true });
  const row = sqlite.prepare('SELECT access_token, app_secret FROM channels').get() as { access_token: string; app_secret: string };
  sqlite.close();
  return row;
}

/** Every byte of the database: the file and its write-ahead log. */
function databaseBytes(): string {
  return ['', '-wal'].map((suffix) => {
    try {
      return readFileSync(dbPath + suffix).toString('latin1');
    } catch {
      return '';
    }
  }).join('');
}

describe('channel secrets at rest', () => {
  it('stores access tokens and app secrets encrypted (AES-256-GCM, a random IV per value), never in plain text', async () => {
    await connectNumber({ CHARLA_SECRET_KEY: KEY });
    const stored = storedSecrets();
    expect(stored.access_token).toMatch(/^enc:v1:/);
    expect(stored.app_secret).toMatch(/^enc:v1:/);
    expect(databaseBytes()).not.toContain(ACCESS_TOKEN);
    expect(databaseBytes()).not.toContain(APP_SECRET);
    const box = new SecretBox(Buffer.from(KEY, 'base64'));
    expect(box.open(stored.access_token)).toBe(ACCESS_TOKEN);
    expect(box.seal(ACCESS_TOKEN)).not.toBe(box.seal(ACCESS_TOKEN));
    // A restart with the same key reads them back.
    const app = await start({ CHARLA_SECRET_KEY: KEY });
    expect(await app.charla.channels.resolve(NUMBER)).toMatchObject({ accessToken: ACCESS_TOKEN, appSecret: APP_SECRET });
    await app.close();
  });

  it('encrypts plaintext secrets left by an older version on start', async () => {
    await connectNumber({ CHARLA_SECRET_KEY: KEY });
    const sqlite = new Database(dbPath);
    sqlite.prepare('UPDATE channels SET access_token = ?, app_secret = ?').run(ACCESS_TOKEN, APP_SECRET);
    sqlite.close();
    const app = await start({ CHARLA_SECRET_KEY: KEY });
    expect(storedSecrets().access_token).toMatch(/^enc:v1:/);
    expect(storedSecrets().app_secret).toMatch(/^enc:v1:/);
    expect(await app.charla.channels.resolve(NUMBER)).toMatchObject({ accessToken: ACCESS_TOKEN, appSecret: APP_SECRET });
    await app.close();
  });

  it('refuses to start, saying why, when encrypted secrets exist and the key is missing or wrong', async () => {
    await connectNumber({ CHARLA_SECRET_KEY: KEY });
    await expect(start()).rejects.toThrow(/encrypted channel secrets but there is no key.*CHARLA_SECRET_KEY/);
    await expect(start({ CHARLA_SECRET_KEY: randomBytes(32).toString('hex') })).rejects.toThrow(/does not decrypt with this key/);
    await expect(start({ CHARLA_SECRET_KEY: 'too-short' })).rejects.toThrow(/CHARLA_SECRET_KEY must be 32 bytes/);
  });

  it('without CHARLA_SECRET_KEY, generates a key into the data folder (mode 0600) and keeps using it', async () => {
    await connectNumber();
    const file = secretKeyFile(dbPath);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(storedSecrets().access_token).toMatch(/^enc:v1:/);
    const app = await start();
    expect(app.charla.secretKey).toEqual({ kind: 'file', file });
    expect(await app.charla.channels.resolve(NUMBER)).toMatchObject({ accessToken: ACCESS_TOKEN });
    await app.close();
    // The same key given in the environment works as well; losing the file without it does not.
    const key = readFileSync(file, 'utf8').trim();
    unlinkSync(file);
    await expect(start()).rejects.toThrow(/put back .*secret\.key/);
    const withEnv = await start({ CHARLA_SECRET_KEY: key });
    expect(await withEnv.charla.channels.resolve(NUMBER)).toMatchObject({ accessToken: ACCESS_TOKEN });
    await withEnv.close();
  });

  it('never offers CHARLA_SECRET_KEY to flows as {{secrets.KEY}}', () => {
    expect(runtimeConfigFromEnv({ CHARLA_SECRET_KEY: KEY, CHARLA_SECRET_CRM: 'x' }).secrets).toEqual({ CRM: 'x' });
  });
});
