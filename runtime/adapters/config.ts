import { inspect } from 'node:util';

/** What the runtime's ports need from the environment (the server and the CLI read the same variables). */
export interface RuntimeConfig {
  /** Set when OPENAI_API_KEY is: intents are classified by the model, else offline. */
  openai?: {
    apiKey: string;
    baseURL?: string;
    model: string;
    /** OPENAI_EMBEDDING_MODEL: the knowledge retriever's embedding model (text-embedding-3-small when unset; `none`: BM25 alone). */
    embeddingModel?: string;
    /** OPENAI_TRANSCRIPTION_MODEL: the voice-note transcription model (whisper-1 when unset). */
    transcriptionModel?: string;
  };
  /** CHARLA_ALLOW_PRIVATE_HTTP=1: API calls may reach loopback and private addresses. */
  allowPrivateHttp: boolean;
  /** `{{secrets.NAME}}` values, from CHARLA_SECRET_<NAME>. */
  secrets: Readonly<Record<string, string>>;
}

export class RuntimeConfigError extends Error {
  override name = 'RuntimeConfigError';
}

export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';
const SECRET_PREFIX = 'CHARLA_SECRET_';
/** CHARLA_SECRET_KEY encrypts the server's database: never a `{{secrets.KEY}}` a flow could send out. */
const RESERVED = new Set(['CHARLA_SECRET_KEY']);

/**
 * Reads the runtime's configuration. Throws a RuntimeConfigError naming the
 * variable when a value is malformed. The result prints and serialises with
 * the key and secret values replaced by `[redacted]`, so logging it is safe.
 * @example runtimeConfigFromEnv({ OPENAI_API_KEY: 'sk-…', CHARLA_SECRET_CRM_TOKEN: 't' }).secrets.CRM_TOKEN // 't'
 */
export function runtimeConfigFromEnv(env: Readonly<Record<string, string | undefined>>): RuntimeConfig {
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(SECRET_PREFIX) && name.length > SECRET_PREFIX.length && value !== undefined && !RESERVED.has(name)) {
      secrets[name.slice(SECRET_PREFIX.length)] = value;
    }
  }
  const apiKey = present(env.OPENAI_API_KEY);
  const baseURL = present(env.OPENAI_BASE_URL);
  const embeddingModel = present(env.OPENAI_EMBEDDING_MODEL);
  const transcriptionModel = present(env.OPENAI_TRANSCRIPTION_MODEL);
  if (baseURL !== undefined && !/^https?:\/\/[^/]/.test(baseURL)) {
    throw new RuntimeConfigError(`OPENAI_BASE_URL must be an http(s) URL, got "${baseURL}"`);
  }
  const config: RuntimeConfig = {
    ...(apiKey === undefined
      ? {}
      : {
        openai: {
          apiKey,
          model: present(env.OPENAI_MODEL) ?? DEFAULT_OPENAI_MODEL,
          ...(baseURL === undefined ? {} : { baseURL }),
          ...(embeddingModel === undefined ? {} : { embeddingModel }),
          ...(transcriptionModel === undefined ? {} : { transcriptionModel }),
        },
      }),
    allowPrivateHttp: flag('CHARLA_ALLOW_PRIVATE_HTTP', env.CHARLA_ALLOW_PRIVATE_HTTP),
    secrets: Object.freeze(secrets),
  };
  return redactWhenShown(config);
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function flag(name: string, value: string | undefined): boolean {
  const given = present(value);
  if (given === undefined || given === '0' || given === 'false') return false;
  if (given === '1' || given === 'true') return true;
  throw new RuntimeConfigError(`${name} must be 1 or 0, got "${given}"`);
}

/** JSON.stringify, pino and console.log see the names of secrets, never their values. */
function redactWhenShown(config: RuntimeConfig): RuntimeConfig {
  const redacted = () => ({
    ...(config.openai === undefined ? {} : { openai: { ...config.openai, apiKey: '[redacted]' } }),
    allowPrivateHttp: config.allowPrivateHttp,
    secrets: Object.fromEntries(Object.keys(config.secrets).map((name) => [name, '[redacted]'])),
  });
  Object.defineProperty(config, 'toJSON', { value: redacted, enumerable: false });
  Object.defineProperty(config, inspect.custom, { value: () => redacted(), enumerable: false });
  return config;
}
