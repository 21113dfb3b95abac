/**
 * What to do after a failed Graph API call (docs/whatsapp.md §2). Decided on the Graph `code`, not the
 * HTTP status, except when there is no code (proxies, outages): then 5xx and network errors are
 * worth retrying and anything else is treated as a bug that retrying will not fix.
 */
export type FailureAction =
  /** Back off and retry this message (and hold the rest of its conversation). */
  | 'retry'
  /** 130429: the business number is over its throughput; back off every conversation of the number. */
  | 'retry_number'
  /** Never retry: the message is marked failed with its code. */
  | 'give_up';

const TRANSIENT_CODES = new Set([131056, 131000, 131016, 1, 2]);
const PERMANENT_CODES = new Set([131047, 131026, 100, 131008, 131009, 132068, 132069]);

/**
 * @example classifyGraphFailure({ code: 131047, httpStatus: 400 }) // 'give_up'
 */
export function classifyGraphFailure(failure: { code: number | null; httpStatus: number | null }): FailureAction {
  const { code, httpStatus } = failure;
  if (code === 130429) return 'retry_number';
  if (code !== null && TRANSIENT_CODES.has(code)) return 'retry';
  if (code !== null && (PERMANENT_CODES.has(code) || (code >= 132000 && code <= 132016))) return 'give_up';
  if (httpStatus === null || httpStatus >= 500 || httpStatus === 429) return 'retry';
  return 'give_up';
}
