import type { FastifyBaseLogger } from 'fastify';
import type { GroupCommit } from '../../live/group-commit.ts';
import type { LiveMetrics } from '../../live/metrics.ts';
import type { OutboxItem, OutboxStore } from '../../live/outbox-store.ts';
import type { GraphClient, GraphSendResult } from './graph-client.ts';
import { RateLimiter } from './rate-limiter.ts';
import { sendOutcome } from './send-outcome.ts';

export interface OutboxSenderSettings {
  /** Sends per second per business number. */
  ratePerSecond: number;
  /** First retry delay; each further attempt waits 4× longer (Meta's 4^n advice), up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts before a transient failure is given up on. */
  maxAttempts: number;
  /** Graph API calls in progress at once, over all numbers. */
  maxInFlight: number;
}

export interface OutboxSenderDeps {
  store: OutboxStore;
  groupCommit: GroupCommit;
  metrics: LiveMetrics;
  log: FastifyBaseLogger;
  client: GraphClient;
  /** The channel's token, else WHATSAPP_ACCESS_TOKEN. */
  accessTokenFor(phoneNumberId: string): string | undefined;
  now(): number;
}

/**
 * Sends the outbox: in id order per conversation (one call at a time each), conversations in
 * parallel, rate-limited per business number. A row is committed `in_flight` before its call, so
 * after a crash only those are sent again (and logged at start-up). The queue lives in memory; the
 * table is read once, in `start()`.
 * @example sender.start(); sender.add([{ id, conversationId, phoneNumberId, body, attempts: 0, nextAttemptAt: now }]);
 */
export class OutboxSender {
  private readonly byConversation = new Map<number, OutboxItem[]>();
  /** Conversations whose head may be due, per business number, in the order they became ready. */
  private readonly readyByNumber = new Map<string, Set<number>>();
  private readonly sending = new Set<number>();
  private readonly numberPausedUntil = new Map<string, number>();
  private readonly limiter: RateLimiter;
  private readonly timers = new Set<NodeJS.Timeout>();
  private pumpTimer: { at: number; timer: NodeJS.Timeout } | undefined;
  private pumpScheduled = false;
  private running = 0;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly deps: OutboxSenderDeps, private readonly settings: OutboxSenderSettings) {
    this.limiter = new RateLimiter(settings.ratePerSecond);
  }

  /** Loads what was unsent at the last stop; rows that were in flight are resent, each logged. */
  start(): void {
    for (const row of this.deps.store.unsent()) {
      if (row.state === 'in_flight') {
        this.deps.log.warn({ outboxId: row.id, conversationId: row.conversationId, attempts: row.attempts },
          'outbox: resending a message that was in flight when the server stopped');
        this.deps.metrics.increment('charla_outbox_resent_total');
      }
      const { state: _state, ...item } = row;
      this.add([item]);
    }
  }

  /** Queues committed outbox rows (in id order). */
  add(items: OutboxItem[]): void {
    for (const item of items) {
      const queue = this.byConversation.get(item.conversationId);
      if (queue) {
        queue.push(item);
        continue;
      }
      this.byConversation.set(item.conversationId, [item]);
      if (!this.sending.has(item.conversationId)) this.markReady(item);
    }
    this.schedulePump();
  }

  /** Messages not yet sent or given up on. */
  get unsentCount(): number {
    let count = 0;
    for (const queue of this.byConversation.values()) count += queue.length;
    return count;
  }

  /** Resolves when every queued message is sent or failed (tests, benchmarks). */
  idle(): Promise<void> {
    if (this.byConversation.size === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops sending and waits for the calls in progress to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    if (this.pumpTimer) clearTimeout(this.pumpTimer.timer);
    while (this.running > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private markReady(item: OutboxItem): void {
    let ready = this.readyByNumber.get(item.phoneNumberId);
    if (!ready) this.readyByNumber.set(item.phoneNumberId, (ready = new Set()));
    ready.add(item.conversationId);
  }

  private schedulePump(): void {
    if (this.pumpScheduled || this.stopped) return;
    this.pumpScheduled = true;
    setImmediate(() => this.pump());
  }

  /** One timer for the earliest moment something blocked (rate, paused number) may go. */
  private pumpAt(at: number): void {
    if (this.pumpTimer && this.pumpTimer.at <= at) return;
    if (this.pumpTimer) clearTimeout(this.pumpTimer.timer);
    const timer = setTimeout(() => {
      this.pumpTimer = undefined;
      this.schedulePump();
    }, Math.max(0, at - this.deps.now()));
    this.pumpTimer = { at, timer };
  }

  private retryConversationAt(item: OutboxItem): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.byConversation.get(item.conversationId)?.[0] !== item) return;
      this.markReady(item);
      this.schedulePump();
    }, Math.max(0, item.nextAttemptAt - this.deps.now()));
    this.timers.add(timer);
  }

  private pump(): void {
    this.pumpScheduled = false;
    if (this.stopped) return;
    const now = this.deps.now();
    const batch: OutboxItem[] = [];
    for (const [phoneNumberId, ready] of this.readyByNumber) {
      const pausedUntil = this.numberPausedUntil.get(phoneNumberId) ?? 0;
      if (pausedUntil > now) {
        this.pumpAt(pausedUntil);
        continue;
      }
      for (const conversationId of ready) {
        if (this.running + batch.length >= this.settings.maxInFlight) break;
        const head = this.byConversation.get(conversationId)?.[0];
        if (!head || this.sending.has(conversationId)) {
          ready.delete(conversationId);
          continue;
        }
        if (head.nextAttemptAt > now) {
          ready.delete(conversationId);
          this.retryConversationAt(head);
          continue;
        }
        const wait = this.limiter.take(phoneNumberId, now);
        if (wait > 0) {
          this.pumpAt(now + wait);
          break;
        }
        ready.delete(conversationId);
        this.sending.add(conversationId);
        batch.push(head);
      }
      if (ready.size === 0) this.readyByNumber.delete(phoneNumberId);
    }
    if (batch.length > 0) void this.sendBatch(batch);
  }

  private async sendBatch(batch: OutboxItem[]): Promise<void> {
    this.running += batch.length;
    try {
      await this.deps.groupCommit.run(() => {
        for (const item of batch) this.deps.store.markInFlight(item.id);
      });
    } catch (error) {
      this.deps.log.error({ err: error }, 'outbox: could not mark messages in flight; trying again shortly');
      for (const item of batch) {
        item.nextAttemptAt = this.deps.now() + this.settings.retryBaseMs;
        this.finish(item);
      }
      return;
    }
    for (const item of batch) {
      item.attempts += 1;
      void this.sendOne(item);
    }
  }

  private async sendOne(item: OutboxItem): Promise<void> {
    const token = this.deps.accessTokenFor(item.phoneNumberId);
    const result: GraphSendResult = token === undefined
      ? { ok: false, code: null, httpStatus: null, message: 'no access token: set the channel accessToken or WHATSAPP_ACCESS_TOKEN' }
      : await this.deps.client.send(item.phoneNumberId, token, item.body);
    try {
      await this.record(item, result);
    } catch (error) {
      // Left in_flight in the table: the next start-up sends it again and says so.
      this.deps.log.error({ err: error, outboxId: item.id }, 'outbox: could not record the result of a send');
    }
    this.finish(item);
  }

  private async record(item: OutboxItem, result: GraphSendResult): Promise<void> {
    const { store, groupCommit, metrics, log } = this.deps;
    const outcome = sendOutcome(result, item.attempts, this.settings, this.deps.now());
    const details = { outboxId: item.id, conversationId: item.conversationId, attempts: item.attempts };
    switch (outcome.kind) {
      case 'sent':
        await groupCommit.runStatement(() => store.markSent(item.id, outcome.wamid));
        metrics.increment('charla_outbox_sent_total');
        this.dequeue(item);
        return;
      case 'failed':
        await groupCommit.runStatement(() => store.markFailed(item.id, outcome.code, outcome.error));
        metrics.increment('charla_outbox_failed_total');
        log.warn({ ...details, code: outcome.code, error: outcome.error }, 'outbox: message failed for good');
        this.dequeue(item);
        return;
      case 'retry':
        item.nextAttemptAt = outcome.nextAttemptAt;
        if (outcome.pauseNumber) this.numberPausedUntil.set(item.phoneNumberId, outcome.nextAttemptAt);
        await groupCommit.runStatement(() => store.markRetry(item.id, outcome.nextAttemptAt, outcome.code, outcome.error));
        metrics.increment('charla_outbox_retried_total');
        log.info({ ...details, code: outcome.code, retryInMs: outcome.delayMs }, 'outbox: transient failure, retrying later');
        return;
      default:
        outcome satisfies never;
    }
  }

  private dequeue(item: OutboxItem): void {
    const queue = this.byConversation.get(item.conversationId);
    if (queue?.[0] === item) queue.shift();
    if (queue?.length === 0) this.byConversation.delete(item.conversationId);
  }

  private finish(item: OutboxItem): void {
    this.running -= 1;
    this.sending.delete(item.conversationId);
    const head = this.byConversation.get(item.conversationId)?.[0];
    if (head) this.markReady(head);
    this.schedulePump();
    if (this.byConversation.size === 0 && this.running === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
