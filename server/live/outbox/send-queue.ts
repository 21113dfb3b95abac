import type { OutboxItem } from '../live-store.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** Where the outbox sender takes what to send from: memory (one instance) or the shared table (ClaimedSends). */
export interface SendSource {
  /** Taken rows are already marked in flight (claimed in the table). */
  readonly claimsInFlight: boolean;
  add(item: OutboxItem): void;
  take(now: number, capacity: number): OutboxItem[] | Promise<OutboxItem[]>;
  release(item: OutboxItem, outcome: { done: boolean }): void;
  /** Shared sources: records the send themselves (claiming what follows it in one statement); memory: the store does. */
  markSent?(item: OutboxItem, wamid: string | null): Promise<void>;
  pauseNumber(phoneNumberId: string, until: number): void;
  resumeNumber(phoneNumberId: string): void;
  isPausedIndefinitely(phoneNumberId: string): boolean;
  readonly indefinitelyPaused: number;
  readonly unsentCount: number;
  readonly activeCount: number;
  /** Shared sources: counts what is unsent now, true when nothing is; memory answers from activeCount. */
  drained?(): Promise<boolean>;
  clearTimers(): void;
}

/**
 * What the outbox sender may send next, in memory: messages in id order per conversation, at most
 * one call in progress per conversation, conversations taken in the order they became ready,
 * per-number rate limits and pauses, and per-message retry times. It calls `wake` when something
 * held back becomes due.
 * @example const due = queue.take(Date.now(), freeSlots); ... queue.release(item, { done: true });
 */
export class SendQueue implements SendSource {
  readonly claimsInFlight = false;
  private readonly byConversation = new Map<number, OutboxItem[]>();
  /** Conversations whose head may be due, per business number, in the order they became ready. */
  private readonly readyByNumber = new Map<string, Set<number>>();
  private readonly sending = new Set<number>();
  private readonly numberPausedUntil = new Map<string, number>();
  /**
   * Unsent messages in all and per business number, kept as they come and go: the sender asks after
   * every call whether it is idle, and counting a backlog of 200,000 replies took ~16 ms each time,
   * which was the event-loop stall behind the webhook's p99 while a backlog existed.
   */
  private unsent = 0;
  private readonly unsentByNumber = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private wakeTimer: { at: number; timer: NodeJS.Timeout } | undefined;

  /** `limiter`: the numbers' send rates (the sender's read receipts spend what the replies leave). */
  constructor(private readonly limiter: RateLimiter, private readonly now: () => number, private readonly wake: () => void) {}

  add(item: OutboxItem): void {
    this.count(item.phoneNumberId, 1);
    const queue = this.byConversation.get(item.conversationId);
    if (queue) {
      queue.push(item);
      return;
    }
    this.byConversation.set(item.conversationId, [item]);
    if (!this.sending.has(item.conversationId)) this.markReady(item);
  }

  /** Messages not yet sent or given up on. */
  get unsentCount(): number {
    return this.unsent;
  }

  get empty(): boolean {
    return this.byConversation.size === 0;
  }

  /** Messages that will go without an admin's help: those of paused channels left out. */
  get activeCount(): number {
    let held = 0;
    for (const [phoneNumberId, until] of this.numberPausedUntil) {
      if (until === Infinity) held += this.unsentByNumber.get(phoneNumberId) ?? 0;
    }
    return this.unsent - held;
  }

  isPausedIndefinitely(phoneNumberId: string): boolean {
    return this.numberPausedUntil.get(phoneNumberId) === Infinity;
  }

  /** Up to `capacity` conversation heads that may be sent now; each is then "sending" until released. */
  take(now: number, capacity: number): OutboxItem[] {
    const batch: OutboxItem[] = [];
    for (const [phoneNumberId, ready] of this.readyByNumber) {
      const pausedUntil = this.numberPausedUntil.get(phoneNumberId) ?? 0;
      if (pausedUntil > now) {
        // A paused channel (Infinity) wakes on resumeNumber(), not on a timer.
        if (Number.isFinite(pausedUntil)) this.wakeAt(pausedUntil);
        continue;
      }
      for (const conversationId of ready) {
        if (batch.length >= capacity) break;
        const head = this.byConversation.get(conversationId)?.[0];
        if (!head || this.sending.has(conversationId)) {
          ready.delete(conversationId);
          continue;
        }
        if (head.nextAttemptAt > now) {
          ready.delete(conversationId);
          this.retryAt(head);
          continue;
        }
        const wait = this.limiter.take(phoneNumberId, now);
        if (wait > 0) {
          this.wakeAt(now + wait);
          break;
        }
        ready.delete(conversationId);
        this.sending.add(conversationId);
        batch.push(head);
      }
      if (ready.size === 0) this.readyByNumber.delete(phoneNumberId);
    }
    return batch;
  }

  /** After a call: `done` (sent or given up) drops the message; otherwise it stays first, to retry. */
  release(item: OutboxItem, outcome: { done: boolean }): void {
    const queue = this.byConversation.get(item.conversationId);
    if (outcome.done && queue?.[0] === item) {
      queue.shift();
      this.count(item.phoneNumberId, -1);
    }
    if (queue?.length === 0) this.byConversation.delete(item.conversationId);
    this.sending.delete(item.conversationId);
    const head = this.byConversation.get(item.conversationId)?.[0];
    if (head) this.markReady(head);
  }

  /** A number-wide rate limit: the whole business number waits; `Infinity` until resumeNumber(). */
  pauseNumber(phoneNumberId: string, until: number): void {
    const current = this.numberPausedUntil.get(phoneNumberId) ?? 0;
    if (until > current) this.numberPausedUntil.set(phoneNumberId, until);
  }

  resumeNumber(phoneNumberId: string): void {
    this.numberPausedUntil.delete(phoneNumberId);
    this.wake();
  }

  /** Numbers held until resumed (paused channels). */
  get indefinitelyPaused(): number {
    let count = 0;
    for (const until of this.numberPausedUntil.values()) if (until === Infinity) count += 1;
    return count;
  }

  clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    if (this.wakeTimer) clearTimeout(this.wakeTimer.timer);
  }

  private count(phoneNumberId: string, change: number): void {
    this.unsent += change;
    const left = (this.unsentByNumber.get(phoneNumberId) ?? 0) + change;
    if (left === 0) this.unsentByNumber.delete(phoneNumberId);
    else this.unsentByNumber.set(phoneNumberId, left);
  }

  private markReady(item: OutboxItem): void {
    let ready = this.readyByNumber.get(item.phoneNumberId);
    if (!ready) this.readyByNumber.set(item.phoneNumberId, (ready = new Set()));
    ready.add(item.conversationId);
  }

  /** One timer for the earliest moment something blocked (rate, paused number) may go. */
  private wakeAt(at: number): void {
    if (this.wakeTimer && this.wakeTimer.at <= at) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer.timer);
    const timer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wake();
    }, Math.max(0, at - this.now()));
    this.wakeTimer = { at, timer };
  }

  private retryAt(item: OutboxItem): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.byConversation.get(item.conversationId)?.[0] !== item) return;
      this.markReady(item);
      this.wake();
    }, Math.max(0, item.nextAttemptAt - this.now()));
    this.timers.add(timer);
  }
}
