import type { FastifyBaseLogger } from 'fastify';
import { withCallbackData } from '../callback-data.ts';
import type { LiveMetrics } from '../metrics.ts';
import type { OutboxItem, OutboxRepository, SharedWork } from '../live-store.ts';
import type { GraphClient, GraphSendResult } from '../../whatsapp/graph-client.ts';
import { markReadBody, typingIndicatorBody } from '../../../runtime/whatsapp/outbound.ts';
import { sendOutcome } from './send-outcome.ts';
import { SendQueue, type SendSource } from './send-queue.ts';
import { ClaimedSends } from './claimed-sends.ts';
import { RateLimiter } from './rate-limiter.ts';
import { ReadReceipts } from './read-receipts.ts';

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
  /** How long a send whose answer never came waits for a status webhook naming it before it is resent. */
  uncertainGraceMs: number;
}

export interface OutboxSenderDeps {
  store: OutboxRepository;
  metrics: LiveMetrics;
  log: FastifyBaseLogger;
  client: GraphClient;
  /** The channel's token, else WHATSAPP_ACCESS_TOKEN. */
  accessTokenFor(phoneNumberId: string): Promise<string | undefined>;
  /** The stored channel state: which numbers are paused, and recording a new pause. */
  channelState: {
    pausedNumbers(): Promise<string[]>;
    pause(phoneNumberId: string, code: number | null, reason: string, now: number): Promise<void>;
  };
  now(): number;
  /**
   * Several instances on one PostgreSQL: rows are claimed from the shared table (ClaimedSends)
   * instead of kept in memory; `leaseMs` is how long a claimed row stays this instance's.
   */
  shared?: { work: SharedWork; leaseMs: number };
}

/**
 * Sends the outbox: in id order per conversation (one call at a time each), conversations in
 * parallel, rate-limited per business number. A row is committed `in_flight` before its call, so
 * after a crash only those are sent again (and logged at start-up). The queue lives in memory; the
 * table is read once, in `start()`.
 * @example sender.start(); sender.add([{ id, conversationId, phoneNumberId, body, attempts: 0, nextAttemptAt: now }]);
 */
export class OutboxSender {
  private readonly queue: SendSource;
  private pumpScheduled = false;
  /** A wake-up came while a (shared) take was running: take again after it. */
  private pumpAgain = false;
  private running = 0;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  /** Work waiting for an outbox row to be done with (sent or given up on), by row id. */
  private readonly afterDone = new Map<number, Array<() => void>>();
  /**
   * Each number's send rate, spent by replies first and read receipts after (one instance); with
   * several instances the replies' rate is shared in the table and this paces the receipts alone.
   */
  private readonly limiter: RateLimiter;
  private readonly receipts = new ReadReceipts((afterMs) => this.wakeForReceipts(afterMs));
  private receiptsInFlight = 0;
  private receiptsWake: NodeJS.Timeout | undefined;

  constructor(private readonly deps: OutboxSenderDeps, private readonly settings: OutboxSenderSettings) {
    const wake = () => this.schedulePump();
    this.limiter = new RateLimiter(settings.ratePerSecond);
    this.queue = deps.shared
      ? new ClaimedSends(deps.shared.work, { ratePerSecond: settings.ratePerSecond, leaseMs: deps.shared.leaseMs }, { now: deps.now, wake, log: deps.log, metrics: deps.metrics })
      : new SendQueue(this.limiter, deps.now, wake);
  }

  /**
   * Loads what was unsent at the last stop; rows that were in flight are resent, each logged. Shared:
   * nothing to load (rows are claimed from the table as they go).
   */
  async start(): Promise<void> {
    if (this.queue.claimsInFlight) {
      this.schedulePump();
      return;
    }
    for (const phoneNumberId of await this.deps.channelState.pausedNumbers()) this.queue.pauseNumber(phoneNumberId, Infinity);
    for (const row of await this.deps.store.unsent()) {
      const { state, ...item } = row;
      // Its call may have reached Meta: like an unanswered one, it waits for a status before going again.
      if (state === 'in_flight') {
        item.nextAttemptAt = this.deps.now() + this.settings.uncertainGraceMs;
        this.deps.log.warn({ outboxId: row.id, conversationId: row.conversationId, attempts: row.attempts, graceMs: this.settings.uncertainGraceMs },
          'outbox: resending a message that was in flight when the server stopped, after the grace period unless a status webhook names it');
        this.deps.metrics.increment('charla_outbox_resent_total');
      }
      this.queue.add({ ...item, uncertain: state !== 'queued' });
    }
    this.schedulePump();
  }

  /** Queues committed outbox rows (in id order). */
  add(items: OutboxItem[]): void {
    for (const item of items) this.queue.add(item);
    this.schedulePump();
  }

  /**
   * Marks the customer's message `wamid` read with WhatsApp's typing indicator
   * (docs/time.md, "The typing indicator"): once `after` (the turn's replies, queued just now) are
   * sent, since a message dismisses the indicator. One receipt waits per contact (`contact`: any key
   * naming them on the number), a newer message taking an older one's place, and receipts spend the
   * number's rate after the replies (ReadReceipts). Best effort: not stored, not retried; a refusal is logged and counted.
   * A reply held by a paused channel holds it too.
   */
  showTyping(phoneNumberId: string, contact: string, wamid: string, after: readonly OutboxItem[] = []): void {
    const queue = () => {
      if (this.stopped) return;
      if (!this.receipts.add(contact, { phoneNumberId, wamid, typing: true }, this.deps.now())) {
        this.deps.metrics.increment('charla_read_receipts_merged_total');
      }
      this.schedulePump();
    };
    const last = after.at(-1);
    if (last === undefined) return queue();
    this.afterDone.set(last.id, [...this.afterDone.get(last.id) ?? [], queue]);
  }

  /**
   * `replies` answer the customer's message `wamid`: once the first is out, the message's receipt (if it
   * still waits) goes without the indicator, which that reply dismissed.
   */
  repliedTo(phoneNumberId: string, contact: string, wamid: string, replies: readonly OutboxItem[]): void {
    const first = replies[0];
    if (first === undefined) return;
    this.afterDone.set(first.id, [...this.afterDone.get(first.id) ?? [], () => this.receipts.answered(phoneNumberId, contact, wamid)]);
  }

  private async sendReceipt(phoneNumberId: string, wamid: string, typing: boolean): Promise<void> {
    const { metrics, log } = this.deps;
    this.receiptsInFlight += 1;
    try {
      const token = await this.deps.accessTokenFor(phoneNumberId);
      if (token === undefined || this.stopped) return;
      const result = await this.deps.client.send(phoneNumberId, token, JSON.stringify(typing ? typingIndicatorBody(wamid) : markReadBody(wamid)));
      if (result.ok) {
        metrics.increment(typing ? 'charla_typing_indicators_total' : 'charla_read_receipts_total');
        return;
      }
      metrics.increment('charla_typing_indicator_failures_total');
      log.warn({ phoneNumberId, wamid, typing, code: result.code, error: result.message }, 'outbox: the message was not marked read (not retried)');
    } finally {
      this.receiptsInFlight -= 1;
      this.resolveIfIdle();
    }
  }

  private wakeForReceipts(afterMs: number): void {
    if (this.receiptsWake !== undefined || this.stopped) return;
    this.receiptsWake = setTimeout(() => {
      this.receiptsWake = undefined;
      this.schedulePump();
    }, afterMs);
  }

  /** Messages not yet sent or given up on. */
  get unsentCount(): number {
    return this.queue.unsentCount;
  }

  /** Messages not yet sent that will go without an admin's help (paused channels' left out). */
  get activeCount(): number {
    return this.queue.activeCount;
  }

  /** Channels whose messages are held until an admin fixes them. */
  get pausedChannels(): number {
    return this.queue.indefinitelyPaused;
  }

  /** An admin fixed the channel: its held messages go out, each conversation in order. */
  resumeChannel(phoneNumberId: string): void {
    this.queue.resumeNumber(phoneNumberId);
  }

  /** Resolves when every queued message is sent, failed or held by a paused channel (tests, benchmarks). */
  async idle(): Promise<void> {
    const { drained } = this.queue;
    if (drained) {
      while (this.running > 0 || !(await drained.call(this.queue))) await new Promise((resolve) => setTimeout(resolve, 20));
      return;
    }
    if (this.isIdle()) return;
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops sending and waits for the calls in progress to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.clearTimers();
    clearTimeout(this.receiptsWake);
    this.receipts.clear();
    while (this.running > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private isIdle(): boolean {
    return this.running === 0 && this.queue.activeCount === 0 && this.receipts.size === 0 && this.receiptsInFlight === 0;
  }

  private resolveIfIdle(): void {
    // Only when someone waits: a shared source's count is a query.
    if (this.idleWaiters.length === 0 || !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private schedulePump(): void {
    if (this.stopped) return;
    if (this.pumpScheduled) {
      this.pumpAgain = true;
      return;
    }
    this.pumpScheduled = true;
    setImmediate(() => void this.pump());
  }

  /** Takes what may go now into the free call slots; one take at a time (a shared one is a query). */
  private async pump(): Promise<void> {
    this.pumpAgain = false;
    const capacity = this.settings.maxInFlight - this.running;
    let batch: OutboxItem[] = [];
    try {
      if (!this.stopped && capacity > 0) batch = await this.queue.take(this.deps.now(), capacity);
    } catch (error) {
      this.deps.log.error({ err: error }, 'outbox: could not claim messages to send; trying again shortly');
      await new Promise((resolve) => setTimeout(resolve, this.settings.retryBaseMs));
      this.pumpAgain = true;
    }
    this.pumpScheduled = false;
    if (batch.length > 0) void this.sendBatch(batch);
    // After the replies: receipts get what is left of each number's rate.
    if (!this.stopped && this.receipts.size > 0) {
      for (const receipt of this.receipts.take(this.deps.now(), this.limiter)) void this.sendReceipt(receipt.phoneNumberId, receipt.wamid, receipt.typing);
    }
    // Shared: a full batch may have left more to claim.
    if (this.pumpAgain || (this.queue.claimsInFlight && batch.length > 0 && batch.length === capacity)) this.schedulePump();
  }

  private async sendBatch(taken: OutboxItem[]): Promise<void> {
    this.running += taken.length;
    let batch = taken;
    try {
      batch = await this.withoutSettled(taken);
      if (!this.queue.claimsInFlight) await this.deps.store.markInFlight(batch.map((item) => item.id));
    } catch (error) {
      this.deps.log.error({ err: error }, 'outbox: could not mark messages in flight; trying again shortly');
      for (const item of batch) {
        item.nextAttemptAt = this.deps.now() + this.settings.retryBaseMs;
        this.finish(item, { done: false });
      }
      return;
    }
    for (const item of batch) {
      // A claim counted the attempt in the table already.
      if (!this.queue.claimsInFlight) item.attempts += 1;
      void this.sendOne(item);
    }
  }

  /**
   * No blind resend: a message whose earlier call may have reached Meta goes again only if no
   * status webhook named it (by its callback data) meanwhile; those that did are done.
   */
  private async withoutSettled(batch: OutboxItem[]): Promise<OutboxItem[]> {
    const uncertain = batch.filter((item) => item.uncertain).map((item) => item.id);
    if (uncertain.length === 0) return batch;
    const settled = await this.deps.store.sentAmong(uncertain);
    for (const item of batch) {
      if (!settled.has(item.id)) continue;
      this.deps.metrics.increment('charla_outbox_settled_by_status_total');
      this.deps.log.info({ outboxId: item.id, conversationId: item.conversationId }, 'outbox: a status webhook showed an unanswered send arrived; not sending it again');
      this.finish(item, { done: true });
    }
    return batch.filter((item) => !settled.has(item.id));
  }

  private async sendOne(item: OutboxItem): Promise<void> {
    const token = await this.deps.accessTokenFor(item.phoneNumberId);
    const result: GraphSendResult = token === undefined
      ? { ok: false, code: null, httpStatus: null, message: 'no access token: set the channel accessToken or WHATSAPP_ACCESS_TOKEN' }
      : await this.deps.client.send(item.phoneNumberId, token, withCallbackData(item.body, item.id));
    let done = false;
    try {
      done = await this.record(item, result);
    } catch (error) {
      // Left in_flight in the table: the next start-up sends it again and says so.
      this.deps.log.error({ err: error, outboxId: item.id }, 'outbox: could not record the result of a send');
    }
    this.finish(item, { done });
  }

  /** Writes the outcome; true when the message is done with (sent or given up on). */
  private async record(item: OutboxItem, result: GraphSendResult): Promise<boolean> {
    const { store, metrics, log } = this.deps;
    const outcome = sendOutcome(result, item.attempts, this.settings, this.deps.now());
    const details = { outboxId: item.id, conversationId: item.conversationId, attempts: item.attempts };
    switch (outcome.kind) {
      case 'sent':
        await (this.queue.markSent ? this.queue.markSent(item, outcome.wamid) : store.markSent(item.id, outcome.wamid));
        metrics.increment('charla_outbox_sent_total');
        return true;
      case 'failed':
        await store.markFailed(item.id, outcome.code, outcome.error);
        metrics.increment('charla_outbox_failed_total');
        log.warn({ ...details, code: outcome.code, error: outcome.error }, 'outbox: message failed for good');
        return true;
      case 'pause_channel': {
        const firstPause = !this.queue.isPausedIndefinitely(item.phoneNumberId);
        this.queue.pauseNumber(item.phoneNumberId, Infinity);
        item.nextAttemptAt = this.deps.now();
        await store.markRetry(item.id, item.nextAttemptAt, outcome.code, outcome.error);
        // After the row: a crash in between leaves the channel unpaused, and the retry pauses it again.
        await this.deps.channelState.pause(item.phoneNumberId, outcome.code, outcome.error, item.nextAttemptAt);
        if (firstPause) {
          metrics.increment('charla_channel_pauses_total');
          log.error({ ...details, phoneNumberId: item.phoneNumberId, code: outcome.code, error: outcome.error },
            'outbox: the Graph API refused the channel; its messages are held until an admin fixes it');
        }
        return false;
      }
      case 'window_closed': {
        const fallback = await store.holdForWindow(item.id, outcome.code, outcome.error, this.deps.now());
        metrics.increment('charla_outbox_window_closed_total');
        log.warn({ ...details, code: outcome.code, fallbackOutboxId: fallback?.id }, fallback
          ? 'outbox: the 24-hour window is closed; message held until the customer writes, the fallback template sent to ask them back'
          : 'outbox: the 24-hour window is closed; message held until the customer writes');
        if (fallback) {
          metrics.increment('charla_outbox_fallback_on_refusal_total');
          this.queue.add(fallback);
        }
        return true;
      }
      case 'uncertain':
        item.nextAttemptAt = outcome.checkAt;
        item.uncertain = true;
        await store.markUncertain(item.id, outcome.checkAt, outcome.error);
        metrics.increment('charla_outbox_uncertain_total');
        log.warn({ ...details, error: outcome.error, graceMs: this.settings.uncertainGraceMs },
          'outbox: no answer to a send; resending after the grace period unless a status webhook names it');
        return false;
      case 'retry':
        item.nextAttemptAt = outcome.nextAttemptAt;
        if (outcome.pauseNumber) this.queue.pauseNumber(item.phoneNumberId, outcome.nextAttemptAt);
        await store.markRetry(item.id, outcome.nextAttemptAt, outcome.code, outcome.error);
        metrics.increment('charla_outbox_retried_total');
        log.warn({ ...details, code: outcome.code, error: outcome.error, retryInMs: outcome.delayMs }, 'outbox: send failed, retrying later');
        return false;
      default:
        return outcome satisfies never;
    }
  }

  private finish(item: OutboxItem, outcome: { done: boolean }): void {
    this.running -= 1;
    this.queue.release(item, outcome);
    if (outcome.done) {
      for (const then of this.afterDone.get(item.id) ?? []) then();
      this.afterDone.delete(item.id);
    }
    this.schedulePump();
    this.resolveIfIdle();
  }
}
