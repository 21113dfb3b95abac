import type Database from 'better-sqlite3';
import type { FastifyBaseLogger } from 'fastify';
import { request } from 'undici';
import { backoffDelayMs } from './outbox/send-outcome.ts';
import type { GroupCommit } from './group-commit.ts';
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
  sqlite: Database.Database;
  groupCommit: GroupCommit;
  metrics: LiveMetrics;
  log: FastifyBaseLogger;
  now(): number;
  /** The outbox's backoff: base·4^(attempts−1) ms, capped, at most maxAttempts tries. */
  retry: { retryBaseMs: number; retryMaxMs: number; maxAttempts: number };
}

interface NoticeRow {
  id: number;
  body: string;
  attempts: number;
}

const TIMEOUT_MS = 5_000;

/**
 * Delivers HandoffNotices to CHARLA_HANDOFF_WEBHOOK_URL at least once: each is stored first, then
 * POSTed as JSON; a network error, timeout, 408, 429 or 5xx is retried with backoff (also after a
 * restart), any other 4xx is the receiver refusing it for good. The conversation stays listed by
 * GET /api/conversations whatever happens here.
 * @example notifier.start(); await commit.run(() => notifier.record(notice)); notifier.wake(); ... await notifier.stop();
 */
export class HandoffNotifier {
  private readonly statements;
  private timer: NodeJS.Timeout | undefined;
  private delivering: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly deps: HandoffNotifierDeps) {
    const { sqlite } = deps;
    this.statements = {
      insert: sqlite.prepare(
        `INSERT INTO handoff_notices (body, state, attempts, next_attempt_at, created_at) VALUES (?, 'pending', 0, ?, ?)`,
      ),
      due: sqlite.prepare<[number], NoticeRow>(
        `SELECT id, body, attempts FROM handoff_notices WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id`,
      ),
      nextDue: sqlite.prepare<[], { at: number | null }>(`SELECT min(next_attempt_at) AS at FROM handoff_notices WHERE state = 'pending'`),
      delivered: sqlite.prepare(`DELETE FROM handoff_notices WHERE id = ?`),
      retry: sqlite.prepare(`UPDATE handoff_notices SET attempts = ?, next_attempt_at = ?, error = ? WHERE id = ?`),
      failed: sqlite.prepare(`UPDATE handoff_notices SET state = 'failed', attempts = ?, error = ? WHERE id = ?`),
    };
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

  /**
   * Stores the notice. Call it inside the transaction that stores the turn entering handoff, so
   * a crash keeps both or neither; then wake() once it is committed.
   */
  record(notice: HandoffNotice): void {
    if (this.deps.url === undefined) return;
    const now = this.deps.now();
    this.statements.insert.run(JSON.stringify(notice), now, now);
  }

  /** Delivers what record() stored as soon as possible. */
  wake(): void {
    this.schedule(0);
  }

  private schedule(delayMs?: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const wait = delayMs ?? this.untilNextDue();
    if (wait === undefined) return;
    this.timer = setTimeout(() => {
      this.delivering ??= this.deliverDue().finally(() => {
        this.delivering = undefined;
        this.schedule();
      });
    }, wait);
  }

  private untilNextDue(): number | undefined {
    const at = this.statements.nextDue.get()?.at;
    return at === null || at === undefined ? undefined : Math.max(0, at - this.deps.now());
  }

  private async deliverDue(): Promise<void> {
    for (const row of this.statements.due.all(this.deps.now())) {
      if (this.stopped) return;
      await this.deliver(row);
    }
  }

  private async deliver(row: NoticeRow): Promise<void> {
    const { metrics, log, retry } = this.deps;
    const attempts = row.attempts + 1;
    const failure = await this.post(row.body);
    const conversationId = (JSON.parse(row.body) as HandoffNotice).conversationId;
    if (failure === undefined) {
      metrics.increment('charla_handoff_notifications_total');
      await this.deps.groupCommit.run(() => this.statements.delivered.run(row.id));
    } else if (!failure.transient || attempts >= retry.maxAttempts) {
      metrics.increment('charla_handoff_notification_failures_total');
      log.warn({ conversationId, attempts, error: failure.message }, 'handoff notification refused; not retried');
      await this.deps.groupCommit.run(() => this.statements.failed.run(attempts, failure.message, row.id));
    } else {
      const delayMs = backoffDelayMs(attempts, retry);
      log.warn({ conversationId, attempts, delayMs, error: failure.message }, 'handoff notification failed; retrying');
      await this.deps.groupCommit.run(() => this.statements.retry.run(attempts, this.deps.now() + delayMs, failure.message, row.id));
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
