import { resolve } from 'node:path';
import { inspect } from 'node:util';
import { RuntimeConfigError, runtimeConfigFromEnv, type RuntimeConfig } from '../runtime/adapters/index.ts';

/** The server's settings, read once from the environment (names fixed by issue 4). */
export interface ServerConfig {
  host: string;
  port: number;
  /** SQLite file; created with its folder if missing. */
  dbPath: string;
  /** CHARLA_DATABASE_URL: run on this PostgreSQL instead of the SQLite file. */
  databaseUrl: string | undefined;
  /** An admin bearer token accepted as is (no database row). */
  adminToken: string | undefined;
  /** CHARLA_SECRET_KEY: encrypts channel secrets in the database (server/channels/secret-key.ts). */
  secretKey: string | undefined;
  whatsapp: {
    graphUrl: string;
    /** Defaults for channels that set none of their own. */
    appSecret: string | undefined;
    verifyToken: string | undefined;
    accessToken: string | undefined;
  };
  /** What the runtime's ports read (OPENAI_*, CHARLA_ALLOW_PRIVATE_HTTP, CHARLA_SECRET_*); prints redacted. */
  runtime: RuntimeConfig;
  /** The raw environment, for the runtime's own port factory (runtimeConfigFromEnv). */
  env: Readonly<Record<string, string | undefined>>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from an environment; throws a ConfigError naming the bad variable.
 * @example const config = loadConfig(process.env);
 */
/** SQLite's in-memory name stays as it is; resolving it would open a file called «:memory:» in the working folder. */
function databasePath(path: string): string {
  return path === ':memory:' ? path : resolve(path);
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const runtime = readRuntimeConfig(env);
  const config = {
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    port: parsePort(env.PORT),
    dbPath: databasePath(nonEmpty(env.CHARLA_DB) ?? './data/charla.db'),
    databaseUrl: parseDatabaseUrl(env.CHARLA_DATABASE_URL),
    adminToken: nonEmpty(env.CHARLA_ADMIN_TOKEN),
    secretKey: nonEmpty(env.CHARLA_SECRET_KEY),
    whatsapp: {
      graphUrl: parseUrl('WHATSAPP_GRAPH_URL', env.WHATSAPP_GRAPH_URL ?? 'https://graph.facebook.com/v23.0'),
      appSecret: nonEmpty(env.WHATSAPP_APP_SECRET),
      verifyToken: nonEmpty(env.WHATSAPP_VERIFY_TOKEN),
      accessToken: nonEmpty(env.WHATSAPP_ACCESS_TOKEN),
    },
    runtime,
  };
  // Logging or serialising the config shows which secrets are set, never their values nor the raw environment.
  const shown = () => ({
    ...config,
    adminToken: redact(config.adminToken),
    secretKey: redact(config.secretKey),
    databaseUrl: redact(config.databaseUrl),
    whatsapp: {
      ...config.whatsapp,
      appSecret: redact(config.whatsapp.appSecret),
      verifyToken: redact(config.whatsapp.verifyToken),
      accessToken: redact(config.whatsapp.accessToken),
    },
  });
  return Object.defineProperties(config, {
    env: { value: env, enumerable: false },
    toJSON: { value: shown, enumerable: false },
    [inspect.custom]: { value: shown, enumerable: false },
  }) as ServerConfig;
}

function redact(value: string | undefined): string | undefined {
  return value === undefined ? undefined : '[redacted]';
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function parsePort(value: string | undefined): number {
  if (nonEmpty(value) === undefined) return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** A postgres:// URL; the message never repeats it (it may carry a password). */
function parseDatabaseUrl(value: string | undefined): string | undefined {
  const given = nonEmpty(value);
  if (given === undefined) return undefined;
  let protocol: string;
  try {
    protocol = new URL(given).protocol;
  } catch {
    throw new ConfigError('CHARLA_DATABASE_URL must be a postgres:// URL (postgres://user:password@host:5432/database)');
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigError(`CHARLA_DATABASE_URL must be a postgres:// URL, not ${protocol}//…; leave it unset to use the SQLite file (CHARLA_DB)`);
  }
  return given;
}

function parseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http(s) URL, got "${value}"`);
  }
  // Callers append paths like `/{phone_number_id}/messages`.
  return value.replace(/\/+$/, '');
}

function readRuntimeConfig(env: Readonly<Record<string, string | undefined>>): RuntimeConfig {
  try {
    return runtimeConfigFromEnv(env);
  } catch (error) {
    throw error instanceof RuntimeConfigError ? new ConfigError(error.message) : error;
  }
}
