import { resolve } from 'node:path';

/** The server's settings, read once from the environment (names fixed by issue 4). */
export interface ServerConfig {
  host: string;
  port: number;
  /** SQLite file; created with its folder if missing. */
  dbPath: string;
  /** An admin bearer token accepted as is (no database row). */
  adminToken: string | undefined;
  whatsapp: {
    graphUrl: string;
    /** Defaults for channels that set none of their own. */
    appSecret: string | undefined;
    verifyToken: string | undefined;
    accessToken: string | undefined;
  };
  openai: { apiKey: string | undefined; baseUrl: string | undefined; model: string | undefined };
  /** Values of `{{secrets.NAME}}` from `CHARLA_SECRET_<NAME>`. Never logged, never sent to the editor. */
  secrets: Readonly<Record<string, string>>;
  /** `CHARLA_ALLOW_PRIVATE_HTTP=1`: API-call nodes may reach loopback and private addresses. */
  allowPrivateHttp: boolean;
  /** The raw environment, for the runtime's own port factory (runtimeConfigFromEnv). */
  env: Readonly<Record<string, string | undefined>>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const SECRET_PREFIX = 'CHARLA_SECRET_';

/**
 * Reads the configuration from an environment; throws a ConfigError naming the bad variable.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith(SECRET_PREFIX) && key.length > SECRET_PREFIX.length && value !== undefined) {
      secrets[key.slice(SECRET_PREFIX.length)] = value;
    }
  }
  return {
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    port: parsePort(env.PORT),
    dbPath: resolve(nonEmpty(env.CHARLA_DB) ?? './data/charla.db'),
    adminToken: nonEmpty(env.CHARLA_ADMIN_TOKEN),
    whatsapp: {
      graphUrl: parseUrl('WHATSAPP_GRAPH_URL', env.WHATSAPP_GRAPH_URL ?? 'https://graph.facebook.com/v23.0'),
      appSecret: nonEmpty(env.WHATSAPP_APP_SECRET),
      verifyToken: nonEmpty(env.WHATSAPP_VERIFY_TOKEN),
      accessToken: nonEmpty(env.WHATSAPP_ACCESS_TOKEN),
    },
    openai: {
      apiKey: nonEmpty(env.OPENAI_API_KEY),
      baseUrl: env.OPENAI_BASE_URL === undefined ? undefined : parseUrl('OPENAI_BASE_URL', env.OPENAI_BASE_URL),
      model: nonEmpty(env.OPENAI_MODEL),
    },
    secrets,
    allowPrivateHttp: parseFlag('CHARLA_ALLOW_PRIVATE_HTTP', env.CHARLA_ALLOW_PRIVATE_HTTP),
    env,
  };
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

function parseFlag(name: string, value: string | undefined): boolean {
  if (nonEmpty(value) === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new ConfigError(`${name} must be 1 or 0, got "${value}"`);
}
