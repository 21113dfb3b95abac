import type { GraphSendResult } from '../../whatsapp/graph-client.ts';
import { classifyGraphFailure } from '../../whatsapp/graph-errors.ts';

export type SendOutcome =
  | { kind: 'sent'; wamid: string | null }
  | { kind: 'failed'; code: number | null; error: string }
  /** `pauseNumber`: 130429, hold every conversation of the business number until `nextAttemptAt`. */
  | { kind: 'retry'; code: number | null; error: string; nextAttemptAt: number; delayMs: number; pauseNumber: boolean };

/**
 * What a Graph API answer means for the outbox row: sent, failed for good (a permanent code, or
 * the last attempt), or retried after base·4^(attempts−1) ms, capped (Meta advises 4^n seconds).
 * @example sendOutcome({ ok: false, code: 131047, httpStatus: 400, message }, 1, settings, now).kind // 'failed'
 */
export function sendOutcome(
  result: GraphSendResult,
  attempts: number,
  settings: { retryBaseMs: number; retryMaxMs: number; maxAttempts: number },
  now: number,
): SendOutcome {
  if (result.ok) return { kind: 'sent', wamid: result.wamid };
  const code = result.code ?? result.httpStatus;
  const action = classifyGraphFailure(result);
  if (action === 'give_up' || attempts >= settings.maxAttempts) return { kind: 'failed', code, error: result.message };
  const delayMs = backoffDelayMs(attempts, settings);
  return { kind: 'retry', code, error: result.message, nextAttemptAt: now + delayMs, delayMs, pauseNumber: action === 'retry_number' };
}

/** base·4^(attempts−1) ms, capped: the wait before the next attempt after `attempts` failed ones. */
export function backoffDelayMs(attempts: number, settings: { retryBaseMs: number; retryMaxMs: number }): number {
  return Math.min(settings.retryBaseMs * 4 ** (attempts - 1), settings.retryMaxMs);
}
