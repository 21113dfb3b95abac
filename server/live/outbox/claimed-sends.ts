import type { FastifyBaseLogger } from 'fastify';
import type { OutboxItem, SharedWork } from '../live-store.ts';
import type { LiveMetrics } from '../metrics.ts';
import type { SendSource } from './send-queue.ts';

/**
 * How often an instance with nothing to send looks at the table anyway: the safety net for a lost
 * notification and for claims whose instance died (their lease lapsed). Rows queued by another
 * instance wake this one at once (LISTEN/NOTIFY); its own rows and retries wake it by themselves.
 */
const SAFETY_POLL_MS = 1000;
/**
 * Other instances' notifications arriving within this long are answered with one claim: under load
 * every turn notifies, and a claim per notification per instance would cost more than the sends.
 */
const NOTIFIED_CLAIM_DELAY_MS = 10;
/** How stale the unsent count (the gauge, idle checks) may be. */
const COUNT_MAX_AGE_MS = 250;

export interface ClaimedSendsSettings {
  ratePerSecond: number;
  /** How long a claimed row is this instance's: past it, another instance sends it (this one died mid-call). */
  leaseMs: number;
}

/**
 * The outbox as several instances on one PostgreSQL share it (docs/operations.md, Several
 * instances): nothing is kept in memory; each take claims sendable rows from the table (each
 * conversation's oldest unsent, `FOR UPDATE SKIP LOCKED`, within the number's shared send rate) and
 * marks them in flight under a lease. Whatever instance queued a reply, any instance may send it, in
 * order per conversation; a killed instance's claims lapse and another sends them, after checking
 * that no status webhook showed they arrived.
 * @example const sender = new OutboxSender(deps, settings, new ClaimedSends(store.shared, { ratePerSecond: 80, leaseMs }, …));
 */
export class ClaimedSends implements SendSource {
  readonly claimsInFlight = true;
  private readonly pausedHere = new Set<string>();
  private wakeTimer: { at: number; timer: NodeJS.Timeout } | undefined;
  private unsent = { count: 0, at: -Infinity };
  private readonly stopListening: () => Promise<void>;
  /** Per conversation, the claim's followers (OutboxClaim.followers) waiting for the reply before them to be sent. */
  private readonly chains = new Map<number, OutboxItem[]>();
  /** Followers claimed in flight as the reply before them was marked sent: taken next, without a claim. */
  private ready: OutboxItem[] = [];
  /** Replies marked sent through markSent, whose chain goes on (any other outcome drops it). */
  private readonly passedOn = new Set<number>();

  constructor(
    private readonly shared: SharedWork,
    private readonly settings: ClaimedSendsSettings,
    private readonly deps: { now(): number; wake(): void; log: FastifyBaseLogger; metrics: LiveMetrics },
  ) {
    this.stopListening = shared.listenForQueued(
      () => this.wakeAt(this.deps.now() + NOTIFIED_CLAIM_DELAY_MS),
      (error) => deps.log.warn({ err: error }, 'outbox: lost the connection listening for other instances\' replies; listening again (the slow poll covers the gap)'),
    );
  }

  /** Rows are in the table already: only a wake-up, to claim them. */
  add(): void {
    this.deps.wake();
  }

  async take(now: number, capacity: number): Promise<OutboxItem[]> {
    if (this.ready.length > 0) return this.ready.splice(0, capacity);
    const claim = await this.shared.claimOutbox(now, capacity, this.settings.ratePerSecond, now + this.settings.leaseMs);
    for (const follower of claim.followers) this.chains.set(follower.conversationId, [...this.chains.get(follower.conversationId) ?? [], follower]);
    for (const item of claim.items) {
      if (!item.abandoned) continue;
      this.deps.metrics.increment('charla_outbox_resent_total');
      this.deps.log.warn({ outboxId: item.id, conversationId: item.conversationId, attempts: item.attempts },
        'outbox: resending a message that was in flight when its instance stopped, unless a status webhook names it');
    }
    if (claim.rateWaitMs !== undefined) this.wakeAt(now + claim.rateWaitMs);
    if (claim.items.length === 0) this.wakeAt(now + SAFETY_POLL_MS);
    return claim.items;
  }

  /**
   * Marks the reply sent and, in the same statement, the next of its chain in flight (ready to take); a chain
   * whose next reply was no longer queued is dropped: its rows are claimed afresh.
   */
  async markSent(item: OutboxItem, wamid: string | null): Promise<void> {
    const chain = this.chains.get(item.conversationId);
    const next = chain?.shift();
    if (chain?.length === 0) this.chains.delete(item.conversationId);
    const leaseUntil = this.deps.now() + this.settings.leaseMs;
    const claimed = await this.shared.markSentClaimingNext(item.id, wamid, next?.id, leaseUntil);
    if (next === undefined) return;
    if (!claimed) {
      this.chains.delete(item.conversationId);
      return;
    }
    this.passedOn.add(item.id);
    this.ready.push({ ...next, attempts: next.attempts + 1, nextAttemptAt: leaseUntil });
  }

  /** A row to retry is back in the table: look again when it falls due. A reply not sent drops its chain. */
  release(item: OutboxItem, outcome: { done: boolean }): void {
    if (!this.passedOn.delete(item.id)) this.chains.delete(item.conversationId);
    if (!outcome.done) this.wakeAt(item.nextAttemptAt);
  }

  /** A paused channel is paused in the table (every instance's claims skip it); a timed pause holds the number's shared rate. */
  pauseNumber(phoneNumberId: string, until: number): void {
    if (until === Infinity) {
      this.pausedHere.add(phoneNumberId);
      return;
    }
    this.shared.pauseNumber(phoneNumberId, until, this.settings.ratePerSecond)
      .catch((error: unknown) => this.deps.log.error({ err: error, phoneNumberId }, 'outbox: could not hold the number\'s sends on every instance'));
  }

  resumeNumber(phoneNumberId: string): void {
    this.pausedHere.delete(phoneNumberId);
    this.deps.wake();
  }

  isPausedIndefinitely(phoneNumberId: string): boolean {
    return this.pausedHere.has(phoneNumberId);
  }

  get indefinitelyPaused(): number {
    return this.pausedHere.size;
  }

  /** Unsent rows of every instance (channels not paused), as last counted. */
  get unsentCount(): number {
    this.refreshCount();
    return this.unsent.count;
  }

  get activeCount(): number {
    return this.unsentCount;
  }

  /** Counts what is unsent now; true when nothing is (tests, benchmarks). */
  async drained(): Promise<boolean> {
    this.unsent = { count: await this.shared.unsentCount(), at: this.deps.now() };
    return this.unsent.count === 0;
  }

  clearTimers(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer.timer);
    this.wakeTimer = undefined;
    void this.stopListening();
  }

  private refreshCount(): void {
    const now = this.deps.now();
    if (now - this.unsent.at < COUNT_MAX_AGE_MS) return;
    this.unsent.at = now;
    this.shared.unsentCount().then((count) => { this.unsent = { count, at: this.deps.now() }; }, () => undefined);
  }

  private wakeAt(at: number): void {
    if (this.wakeTimer && this.wakeTimer.at <= at) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer.timer);
    const timer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.deps.wake();
    }, Math.max(0, at - this.deps.now()));
    this.wakeTimer = { at, timer };
  }
}
