import { ConfigError } from '../config.ts';
import type { OutboxSenderSettings } from './outbox/outbox-sender.ts';

/** The live path's own settings, from the environment the server was started with. */
export interface LiveConfig {
  outbox: OutboxSenderSettings & { timeoutMs: number };
  /** CHARLA_HANDOFF_WEBHOOK_URL: POSTed when a conversation enters handoff (an existing inbox or CRM). */
  handoffWebhookUrl: string | undefined;
}

/**
 * Reads CHARLA_OUTBOX_RATE (sends/s per business number, default 80), CHARLA_OUTBOX_RETRY_BASE_MS
 * (1000), CHARLA_OUTBOX_MAX_ATTEMPTS (8), CHARLA_OUTBOX_CONCURRENCY (64) and CHARLA_HANDOFF_WEBHOOK_URL.
 * @example liveConfigFromEnv(app.charla.config.env).outbox.ratePerSecond // 80
 */
export function liveConfigFromEnv(env: Readonly<Record<string, string | undefined>>): LiveConfig {
  const retryBaseMs = positive(env, 'CHARLA_OUTBOX_RETRY_BASE_MS', 1000);
  return {
    outbox: {
      ratePerSecond: positive(env, 'CHARLA_OUTBOX_RATE', 80),
      retryBaseMs,
      retryMaxMs: Math.max(retryBaseMs, 3_600_000),
      maxAttempts: positive(env, 'CHARLA_OUTBOX_MAX_ATTEMPTS', 8),
      maxInFlight: positive(env, 'CHARLA_OUTBOX_CONCURRENCY', 64),
      timeoutMs: 15_000,
    },
    handoffWebhookUrl: url(env, 'CHARLA_HANDOFF_WEBHOOK_URL'),
  };
}

function positive(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function url(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return raw;
  } catch {
    // reported below
  }
  throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
}
