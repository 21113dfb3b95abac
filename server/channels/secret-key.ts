import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../config.ts';
import { parseSecretKey, SECRET_KEY_BYTES } from './secret-box.ts';

/** Where the key came from; `generated`: written just now, the start-up message says so. */
export interface SecretKeySource {
  kind: 'env' | 'file' | 'generated' | 'memory';
  /** The key file, for `file` and `generated`. */
  file?: string;
}

/** The key file `npm start` writes next to the database when CHARLA_SECRET_KEY is not set. */
export function secretKeyFile(dbPath: string): string {
  return join(dirname(dbPath), 'secret.key');
}

/**
 * The key channel secrets are encrypted with: CHARLA_SECRET_KEY when set; else the key file next to
 * the database; else, when the database holds no encrypted value yet, a new random key written to
 * that file (mode 0600), so a newcomer's `npm start` keeps working. A database holding encrypted
 * values with neither the variable nor the file stops the server with a ConfigError saying so.
 * @example const { key, source } = loadSecretKey({ envKey: process.env.CHARLA_SECRET_KEY, dbPath, hasEncryptedValues });
 */
export function loadSecretKey(input: { envKey: string | undefined; dbPath: string; hasEncryptedValues: boolean }): { key: Buffer; source: SecretKeySource } {
  if (input.envKey !== undefined) {
    const key = parseSecretKey(input.envKey);
    if (!key) throw new ConfigError('CHARLA_SECRET_KEY must be 32 bytes in base64 (44 characters) or hex (64 characters); generate one with `openssl rand -base64 32`');
    return { key, source: { kind: 'env' } };
  }
  if (input.dbPath === ':memory:') return { key: randomBytes(SECRET_KEY_BYTES), source: { kind: 'memory' } };
  const file = secretKeyFile(input.dbPath);
  if (existsSync(file)) {
    const key = parseSecretKey(readFileSync(file, 'utf8'));
    if (!key) throw new ConfigError(`${file} does not hold a 32-byte key in base64: restore it from your backup or set CHARLA_SECRET_KEY`);
    return { key, source: { kind: 'file', file } };
  }
  if (input.hasEncryptedValues) {
    throw new ConfigError(
      `The database holds encrypted channel secrets but there is no key to read them: set CHARLA_SECRET_KEY to the key they were encrypted with, or put back ${file}`,
    );
  }
  const key = randomBytes(SECRET_KEY_BYTES);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, source: { kind: 'generated', file } };
}
