import { ConfigError } from '../config.ts';
import type { OutboxSenderSettings } from './outbox/outbox-sender.ts';
import type { RetentionSettings } from './retention.ts';
import type { TimerSchedulerSettings } from './timer-scheduler.ts';

/** The live path's own settings, from the environment the server was started with. */
export interface LiveConfig {
  outbox: OutboxSenderSettings & { timeoutMs: number };
  /** CHARLA_HANDOFF_WEBHOOK_URL: POSTed when a conversation enters handoff (an existing inbox or CRM). */
  handoffWebhookUrl: string | undefined;
  retention: RetentionSettings;
  timers: TimerSchedulerSettings;
  /** CHARLA_ANALYTICS=off: no analytics counters or runs are kept (on by default; docs/analytics.md §1). */
  analytics: boolean;
  /** CHARLA_TEMPLATE_SYNC_MINUTES (60): how often the WABAs' message templates are read from Meta again. */
  templateSyncMs: number;
}

/** Meta redelivers a webhook for up to 7 days: inbound rows (the dedupe keys) must outlive that. */
const MIN_RETENTION_DAYS = 7;

/**
 * Reads CHARLA_OUTBOX_RATE (sends/s per business number, default 80), CHARLA_OUTBOX_RETRY_BASE_MS
 * (1000), CHARLA_OUTBOX_MAX_ATTEMPTS (8), CHARLA_OUTBOX_CONCURRENCY (64), CHARLA_HANDOFF_WEBHOOK_URL,
 * CHARLA_OUTBOX_UNCERTAIN_GRACE_MS (120000), CHARLA_RETENTION_DAYS (90, at least 7), CHARLA_SIMULATION_RETENTION_DAYS (7) and
 * CHARLA_RETENTION_BATCH_SIZE (500), CHARLA_TIMER_BATCH_SIZE (50), CHARLA_TIMER_LEASE_MS (60000), CHARLA_ANALYTICS (on) and CHARLA_TEMPLATE_SYNC_MINUTES (60).
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
      uncertainGraceMs: positive(env, 'CHARLA_OUTBOX_UNCERTAIN_GRACE_MS', 120_000),
      timeoutMs: positive(env, 'CHARLA_OUTBOX_TIMEOUT_MS', 15_000),
    },
    handoffWebhookUrl: url(env, 'CHARLA_HANDOFF_WEBHOOK_URL'),
    analytics: onOff(env, 'CHARLA_ANALYTICS', true),
    templateSyncMs: positive(env, 'CHARLA_TEMPLATE_SYNC_MINUTES', 60) * 60_000,
    retention: {
      days: atLeast(env, 'CHARLA_RETENTION_DAYS', 90, MIN_RETENTION_DAYS),
      simulationDays: positive(env, 'CHARLA_SIMULATION_RETENTION_DAYS', 7),
      batchSize: Math.floor(positive(env, 'CHARLA_RETENTION_BATCH_SIZE', 500)),
      pauseMs: 10,
      intervalMs: 3_600_000,
    },
    timers: {
      batchSize: Math.floor(positive(env, 'CHARLA_TIMER_BATCH_SIZE', 50)),
      leaseMs: positive(env, 'CHARLA_TIMER_LEASE_MS', 60_000),
      maxSleepMs: 60_000,
    },
  };
}

function positive(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function atLeast(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, minimum: number): number {
  const value = positive(env, name, fallback);
  if (value < minimum) throw new ConfigError(`${name} must be at least ${minimum} (Meta redelivers webhooks for 7 days), got "${env[name]}"`);
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

function onOff(env: Readonly<Record<string, string | undefined>>, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on' || raw === '1' || raw === 'true') return true;
  if (raw === 'off' || raw === '0' || raw === 'false') return false;
  throw new ConfigError(`${name} must be on or off, got "${env[name]}"`);
}
