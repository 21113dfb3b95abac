/**
 * What a failed Graph API call means, by class (docs/whatsapp.md §2). Decided on the Graph `code`, not
 * the HTTP status (Meta answers 4 and 80007 with HTTP 400), except when there is no code (proxies,
 * outages): then 429, 5xx and network errors are worth retrying and anything else will not be fixed
 * by retrying.
 */
export type FailureClass =
  /** Over a rate limit: wait and retry, never give up. `scope` is who must wait. */
  | { class: 'throttled'; scope: 'number' | 'conversation' }
  /** Something went wrong on Meta's side: retry this message, up to the attempt limit. */
  | { class: 'transient' }
  /** The channel itself is unusable (token, account): pause it, hold its messages until an admin fixes it. */
  | { class: 'channel' }
  /** 131047: the 24-hour window is closed; free-form messages are refused until the customer writes. */
  | { class: 'window_closed' }
  /** About this one message (bad recipient, bad media…): it fails with its reason. */
  | { class: 'final' };

/** 4 app, 80007 WABA and 130429 number throughput limits hold the whole number; 131056 one pair. */
const NUMBER_THROTTLE_CODES = new Set([4, 80007, 130429]);
const PAIR_THROTTLE_CODE = 131056;
const TRANSIENT_CODES = new Set([131000, 131016, 1, 2]);
/**
 * 190 token expired or invalid, 368 temporarily blocked for policy violations, 131031 account
 * locked, 10/200 permission missing, 3 capability missing, 131005 access denied, 131042 payment
 * issue, 131045 certificate, 133010 number not registered: no message of this number can go.
 */
const CHANNEL_CODES = new Set([190, 368, 131031, 10, 200, 3, 131005, 131042, 131045, 133010]);
const WINDOW_CLOSED_CODE = 131047;

/**
 * @example classifyGraphFailure({ code: 80007, httpStatus: 400 }) // { class: 'throttled', scope: 'number' }
 */
export function classifyGraphFailure(failure: { code: number | null; httpStatus: number | null }): FailureClass {
  const { code, httpStatus } = failure;
  if (code !== null) {
    if (NUMBER_THROTTLE_CODES.has(code)) return { class: 'throttled', scope: 'number' };
    if (code === PAIR_THROTTLE_CODE) return { class: 'throttled', scope: 'conversation' };
    if (TRANSIENT_CODES.has(code)) return { class: 'transient' };
    if (CHANNEL_CODES.has(code)) return { class: 'channel' };
    if (code === WINDOW_CLOSED_CODE) return { class: 'window_closed' };
    return { class: 'final' };
  }
  if (httpStatus === 429) return { class: 'throttled', scope: 'number' };
  if (httpStatus === null || httpStatus >= 500) return { class: 'transient' };
  if (httpStatus === 401) return { class: 'channel' };
  return { class: 'final' };
}
