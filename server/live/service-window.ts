/** Meta's customer-service window: free-form messages only within 24 h of the customer's last message. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Whether free-form messages may go now; `lastCustomerMessageAt` is the timestamp Meta gave the
 * customer's last message, not when Charla received it (docs/whatsapp.md §3).
 * @example windowOpen(Date.now() - 25 * 3_600_000, Date.now()) // false
 */
export function windowOpen(lastCustomerMessageAt: number, now: number): boolean {
  return now - lastCustomerMessageAt < CUSTOMER_SERVICE_WINDOW_MS;
}

/**
 * When the customer wrote, in ms: the message's own `timestamp` (seconds, as Meta sends it), else
 * when it was received.
 * @example customerMessageTime({ timestamp: '1700000000' }, Date.now()) // 1_700_000_000_000
 */
export function customerMessageTime(message: { timestamp?: unknown }, receivedAt: number): number {
  const seconds = Number(message.timestamp);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, receivedAt) : receivedAt;
}
