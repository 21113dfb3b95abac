/**
 * A token bucket per business number: at most `perSecond` sends per second on average, bursts up
 * to one second's worth. Meta counts inbound and outbound together at 80/s by default (docs/whatsapp.md).
 * @example const wait = limiter.take('106540352242922', now); if (wait > 0) retryIn(wait);
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perSecond: number) {}

  /** Takes a token and returns 0, or returns the milliseconds until one is available. */
  take(key: string, now: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.perSecond, at: now };
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((now - bucket.at) * this.perSecond) / 1000);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 1000) / this.perSecond);
  }
}
