import type { GraphSendResult } from '../../whatsapp/graph-client.ts';
import { classifyGraphFailure } from '../../whatsapp/graph-errors.ts';

export type SendOutcome =
  | { kind: 'sent'; wamid: string | null }
  | { kind: 'failed'; code: number | null; error: string }
  /** `pauseNumber`: a number-wide rate limit, every conversation of the business number waits until `nextAttemptAt`. */
  | { kind: 'retry'; code: number | null; error: string; nextAttemptAt: number; delayMs: number; pauseNumber: boolean }
  /** The channel is unusable: it is paused and this message waits, first in line, until it resumes. */
  | { kind: 'pause_channel'; code: number | null; error: string }
  /** 131047: held in the "window closed" state (or replaced by the fallback template). */
  | { kind: 'window_closed'; code: number | null; error: string }
  /** The answer never came: held until `checkAt`, then resent only if no status webhook named the row. */
  | { kind: 'uncertain'; error: string; checkAt: number };

/**
 * What a Graph API answer means for the outbox row: sent; retried after base·4^(attempts−1) ms,
 * capped (Meta advises 4^n seconds) — rate limits forever, other transient errors up to the
 * attempt limit; the channel paused; held for a closed window; or failed for good.
 * @example sendOutcome({ ok: false, code: 131026, httpStatus: 400, message }, 1, settings, now).kind // 'failed'
 */
export function sendOutcome(
  result: GraphSendResult,
  attempts: number,
  settings: { retryBaseMs: number; retryMaxMs: number; maxAttempts: number; uncertainGraceMs: number },
  now: number,
): SendOutcome {
  if (result.ok) return { kind: 'sent', wamid: result.wamid };
  if (result.uncertain) {
    return attempts >= settings.maxAttempts
      ? { kind: 'failed', code: null, error: result.message }
      : { kind: 'uncertain', error: result.message, checkAt: now + settings.uncertainGraceMs };
  }
  const code = result.code ?? result.httpStatus;
  const failure = classifyGraphFailure(result);
  const retry = (pauseNumber: boolean): SendOutcome => {
    const delayMs = backoffDelayMs(attempts, settings);
    return { kind: 'retry', code, error: result.message, nextAttemptAt: now + delayMs, delayMs, pauseNumber };
  };
  switch (failure.class) {
    case 'throttled':
      return retry(failure.scope === 'number');
    case 'transient':
      return attempts >= settings.maxAttempts ? { kind: 'failed', code, error: result.message } : retry(false);
    case 'channel':
      return { kind: 'pause_channel', code, error: result.message };
    case 'window_closed':
      return { kind: 'window_closed', code, error: result.message };
    case 'final':
      return { kind: 'failed', code, error: result.message };
    default:
      return failure satisfies never;
  }
}

/** base·4^(attempts−1) ms, capped: the wait before the next attempt after `attempts` failed ones. */
export function backoffDelayMs(attempts: number, settings: { retryBaseMs: number; retryMaxMs: number }): number {
  return Math.min(settings.retryBaseMs * 4 ** Math.min(attempts - 1, 30), settings.retryMaxMs);
}
