import type { FastifyBaseLogger } from 'fastify';
import type { TimerRepository, TimerRow } from './live-store.ts';

const RETRY_MS = 1000;

export interface TimerSchedulerSettings {
  /** How long a claim holds before another instance may fire the timer (its claimer died mid-turn). */
  leaseMs: number;
  /** Timers claimed and fired together; the next batch waits for these turns (pacing after downtime). */
  batchSize: number;
  /** The longest sleep between looks at the table: picks up timers another instance stored. */
  maxSleepMs: number;
}

export interface TimerSchedulerDeps {
  timers: TimerRepository;
  log: FastifyBaseLogger;
  now(): number;
  /** Runs the timer's turn in its contact's queue; resolves once it is stored (or the timer cancelled). */
  fire(row: TimerRow): Promise<void>;
}

/**
 * Fires the stored timers when they fall due (docs/operations.md, Timers): it sleeps until the
 * soonest one (one query, then a setTimeout; woken sooner when a turn stores an earlier one), claims
 * what is due in batches and hands each to the processor, which runs it in the contact's queue so
 * it is ordered with that customer's messages. After downtime a burst of due timers goes batch by
 * batch, and their replies through the outbox's per-number rate limit like any other send.
 * @example const scheduler = new TimerScheduler(deps, settings); scheduler.start(); scheduler.wakeAt(dueAt);
 */
export class TimerScheduler {
  private sleep: { at: number; timer: NodeJS.Timeout } | undefined;
  private firing: Promise<void> | undefined;
  /** A wake-up asked for while a batch was firing: look again when it ends. */
  private lookAgain = false;
  private stopped = true;

  constructor(private readonly deps: TimerSchedulerDeps, private readonly settings: TimerSchedulerSettings) {}

  start(): void {
    this.stopped = false;
    this.wakeAt(this.deps.now());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.sleep?.timer);
    this.sleep = undefined;
    await this.firing;
  }

  /** A timer due at `at` was stored: make sure the scheduler is awake by then. */
  wakeAt(at: number): void {
    if (this.stopped) return;
    if (this.firing) {
      this.lookAgain = true;
      return;
    }
    if (this.sleep !== undefined && this.sleep.at <= at) return;
    clearTimeout(this.sleep?.timer);
    const delay = Math.min(Math.max(0, at - this.deps.now()), this.settings.maxSleepMs);
    this.sleep = { at: this.deps.now() + delay, timer: setTimeout(() => this.fireDue(), delay) };
  }

  private fireDue(): void {
    this.sleep = undefined;
    this.lookAgain = false;
    this.firing = this.fireBatches().then(() => this.planNext(0), (error: unknown) => {
      this.deps.log.error({ err: error }, 'timers: could not claim due timers; trying again shortly');
      return this.planNext(RETRY_MS);
    });
  }

  private async fireBatches(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const batch = await this.deps.timers.claimDue(this.deps.now(), this.settings.leaseMs, this.settings.batchSize);
      // A conversation's timers in due order, one after the other; conversations side by side.
      const byConversation = new Map<number, TimerRow[]>();
      for (const row of batch) byConversation.set(row.conversationId, [...byConversation.get(row.conversationId) ?? [], row]);
      await Promise.all([...byConversation.values()].map(async (rows) => {
        for (const row of rows) {
          await this.deps.fire(row).catch((error: unknown) => {
            // Left claimed: once the lease lapses it is claimed and fired again.
            this.deps.log.error({ err: error, timerId: row.id, conversationId: row.conversationId }, 'timers: a timer turn failed');
          });
        }
      }));
      if (batch.length < this.settings.batchSize) return;
    }
  }

  /** Sleeps until the soonest stored timer (at least `minDelayMs`, after a database error). */
  private async planNext(minDelayMs: number): Promise<void> {
    let at: number;
    try {
      at = (await this.deps.timers.nextDue()) ?? this.deps.now() + this.settings.maxSleepMs;
    } catch (error) {
      this.deps.log.error({ err: error }, 'timers: could not read when the next one is due');
      at = this.deps.now() + RETRY_MS;
    }
    this.firing = undefined;
    if (this.lookAgain) at = this.deps.now();
    this.wakeAt(Math.max(at, this.deps.now() + minDelayMs));
  }
}
