import type { FastifyBaseLogger } from 'fastify';
import { request } from 'undici';
import { backoffDelayMs } from './outbox/send-outcome.ts';
import type { HandoffNoticeRepository, HandoffNoticeRow } from './live-store.ts';
import type { LiveMetrics } from './metrics.ts';

/** What an existing inbox (Chatwoot, Zendesk, a CRM) receives when a conversation waits for a person. */
export interface HandoffNotice {
  event: 'handoff_started';
  conversationId: number;
  phoneNumberId: string;
  waId: string;
  contactName: string | null;
  flowId: string;
  flowVersion: number;
  nodeId: string;
  queue?: string;
  note?: string;
  at: number;
}

export interface HandoffNotifierDeps {
  /** CHARLA_HANDOFF_WEBHOOK_URL; without it nothing is stored or sent. */
  url: string | undefined;
  notices: HandoffNoticeRepository;
  metrics: LiveMetrics;
  log: FastifyBaseLogger;
  now(): number;
  /** The outbox's backoff: base·4^(attempts−1) ms, capped, at most maxAttempts tries. */
  retry: { retryBaseMs: number; retryMaxMs: number; maxAttempts: number };
}

const TIMEOUT_MS = 5_000;

/**
 * Delivers HandoffNotices to CHARLA_HANDOFF_WEBHOOK_URL at least once: each is stored first, then
 * POSTed as JSON; a network error, timeout, 408, 429 or 5xx is retried with backoff (also after a
 * restart), any other 4xx is the receiver refusing it for good. The conversation stays listed by
 * GET /api/conversations whatever happens here.
 * @example notifier.start(); await store.conversations.storeTurn({ ...turn, notices }); notifier.wake(); ... await notifier.stop();
 */
export class HandoffNotifier {
  private timer: NodeJS.Timeout | undefined;
  private delivering: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly deps: HandoffNotifierDeps) {}

  /** Whether notices are delivered at all (CHARLA_HANDOFF_WEBHOOK_URL is set): store them only then. */
  get enabled(): boolean {
    return this.deps.url !== undefined;
  }

  /** Starts delivering, beginning with what an earlier run left undelivered. */
  start(): void {
    if (this.deps.url === undefined) return;
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.delivering;
  }

  /** Delivers the notices stored with a turn as soon as possible. */
  wake(): void {
    this.schedule(0);
  }

  private schedule(delayMs?: number): void {
    if (this.stopped) return;
    if (delayMs === undefined) {
      // A wake() while the next due time is read keeps its earlier timer.
      void this.untilNextDue().then((wait) => {
        if (wait !== undefined && this.timer === undefined) this.schedule(wait);
      }, (error: unknown) => this.deps.log.error({ err: error }, 'handoff notices: could not read when the next one is due'));
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.delivering ??= this.deliverDue().finally(() => {
        this.delivering = undefined;
        this.schedule();
      });
    }, delayMs);
  }

  private async untilNextDue(): Promise<number | undefined> {
    const at = await this.deps.notices.nextDue();
    return at === undefined ? undefined : Math.max(0, at - this.deps.now());
  }

  private async deliverDue(): Promise<void> {
    for (const row of await this.deps.notices.due(this.deps.now())) {
      if (this.stopped) return;
      await this.deliver(row);
    }
  }

  private async deliver(row: HandoffNoticeRow): Promise<void> {
    const { metrics, log, retry } = this.deps;
    const attempts = row.attempts + 1;
    const failure = await this.post(row.body);
    const conversationId = (JSON.parse(row.body) as HandoffNotice).conversationId;
    if (failure === undefined) {
      metrics.increment('charla_handoff_notifications_total');
      await this.deps.notices.delivered(row.id);
    } else if (!failure.transient || attempts >= retry.maxAttempts) {
      metrics.increment('charla_handoff_notification_failures_total');
      log.warn({ conversationId, attempts, error: failure.message }, 'handoff notification refused; not retried');
      await this.deps.notices.failed(row.id, attempts, failure.message);
    } else {
      const delayMs = backoffDelayMs(attempts, retry);
      log.warn({ conversationId, attempts, delayMs, error: failure.message }, 'handoff notification failed; retrying');
      await this.deps.notices.retry(row.id, attempts, this.deps.now() + delayMs, failure.message);
    }
  }

  /** Undefined when the receiver accepted the notice. */
  private async post(body: string): Promise<{ transient: boolean; message: string } | undefined> {
    try {
      const response = await request(this.deps.url!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        headersTimeout: TIMEOUT_MS,
        bodyTimeout: TIMEOUT_MS,
      });
      await response.body.dump();
      const status = response.statusCode;
      if (status < 300) return undefined;
      return { transient: status >= 500 || status === 408 || status === 429, message: `HTTP ${status}` };
    } catch (error) {
      return { transient: true, message: (error as Error).message };
    }
  }
}
