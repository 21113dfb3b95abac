import type Database from 'better-sqlite3';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { CharlaDatabase } from '../db/database.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSettings {
  /** CHARLA_RETENTION_DAYS: message payloads, inbox history, statuses and finished outbox rows. */
  days: number;
  /** CHARLA_SIMULATION_RETENTION_DAYS: simulator conversations untouched this long, and their draft snapshots. */
  simulationDays: number;
  /** CHARLA_RETENTION_BATCH_SIZE: rows looked at (and at most deleted) per statement. */
  batchSize: number;
  /** Pause between two batches, so webhooks and sends run in between. */
  pauseMs: number;
  /** How often a purge runs (the first one a minute after start). */
  intervalMs: number;
}

export interface PurgeReport {
  /** Rows deleted per table. */
  deleted: Record<string, number>;
  /** DELETE statements run; each touched at most `batchSize` rows. */
  batches: number;
}

/**
 * What is purged: rows of `table` for which `old` holds (`@cutoff`, when used, is the table's cutoff time),
 * looked at in rowid windows. `inOrder`: rowids follow the time column, so the first window with
 * nothing old ends the walk instead of reading the whole table.
 */
interface PurgeTarget {
  table: string;
  old: string;
  cutoff: 'live' | 'simulations';
  inOrder: boolean;
}

const TARGETS: PurgeTarget[] = [
  // Pending messages are the durable inbox: never purged, whatever their age.
  { table: 'inbound_messages', old: `received_at < @cutoff AND state <> 'pending'`, cutoff: 'live', inOrder: true },
  { table: 'conversation_messages', old: 'created_at < @cutoff', cutoff: 'live', inOrder: true },
  // Queued, in-flight and uncertain rows are still to be sent or settled.
  { table: 'outbox', old: `created_at < @cutoff AND state IN ('sent', 'failed')`, cutoff: 'live', inOrder: true },
  { table: 'message_statuses', old: 'updated_at < @cutoff', cutoff: 'live', inOrder: true },
  // Pending and claimed timers are still to fire, however far ahead they are.
  { table: 'timers', old: `created_at < @cutoff AND state IN ('fired', 'cancelled')`, cutoff: 'live', inOrder: true },
  // Finished runs name the customer; their figures stay in flow_counters (no one is named there).
  { table: 'conversation_runs', old: `updated_at < @cutoff AND ended_at IS NOT NULL`, cutoff: 'live', inOrder: false },
  { table: 'simulations', old: 'updated_at < @cutoff', cutoff: 'simulations', inOrder: false },
  {
    table: 'draft_snapshots',
    old: `NOT EXISTS (SELECT 1 FROM simulations WHERE simulations.flow_id = draft_snapshots.flow_id
      AND simulations.draft_revision = draft_snapshots.revision)`,
    cutoff: 'simulations',
    inOrder: false,
  },
];

/**
 * Deletes what is older than the retention periods, a small batch at a time with a pause in
 * between: one statement never touches more than `batchSize` rows, so a purge of millions of rows
 * never holds the event loop or the write lock for long. Conversations keep their row (contact,
 * status, session, last message time): only the history behind them goes.
 * @example const retention = new Retention(database, settings, Date.now, log); retention.start();
 */
export class Retention {
  private readonly purgeTarget: (target: PurgeTarget, cutoff: number, onBatch: () => void) => Promise<number>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PurgeReport> | undefined;
  private stopped = false;

  constructor(
    database: Pick<CharlaDatabase, 'sqlite' | 'pool'>,
    private readonly settings: RetentionSettings,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
  ) {
    this.purgeTarget = database.sqlite ? this.sqlitePurge(database.sqlite) : this.postgresPurge(database.pool!);
  }

  /** Purges a minute after start, then every `intervalMs`. */
  start(): void {
    this.schedule(Math.min(60_000, this.settings.intervalMs));
  }

  /** Cancels the next purge and waits for a running one to stop after its current batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One purge of every table, batch by batch; a purge already running is joined, not doubled. */
  purge(): Promise<PurgeReport> {
    this.running ??= this.purgeAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.purge().then((report) => {
        const total = Object.values(report.deleted).reduce((sum, count) => sum + count, 0);
        if (total > 0) this.log.info({ deleted: report.deleted, batches: report.batches }, 'retention: old rows deleted');
      }, (error: unknown) => this.log.error({ err: error }, 'retention: purge failed; trying again at the next interval'))
        .finally(() => this.schedule(this.settings.intervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async purgeAll(): Promise<PurgeReport> {
    const now = this.now();
    const cutoffs = { live: now - this.settings.days * DAY_MS, simulations: now - this.settings.simulationDays * DAY_MS };
    const report: PurgeReport = { deleted: {}, batches: 0 };
    for (const target of TARGETS) {
      report.deleted[target.table] = await this.purgeTarget(target, cutoffs[target.cutoff], () => (report.batches += 1));
    }
    return report;
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.settings.pauseMs));
  }

  /**
   * SQLite: statements run on the event loop, so even finding old rows is bounded: a window of
   * `batchSize` rowids is looked at, then only its old rows are deleted.
   */
  private sqlitePurge(sqlite: Database.Database) {
    const statements = new Map(TARGETS.map((target) => [target, {
      window: sqlite.prepare(
        `SELECT rowid AS id, (${target.old}) AS old FROM ${target.table} WHERE rowid > @after ORDER BY rowid LIMIT @limit`,
      ),
      purge: sqlite.prepare(`DELETE FROM ${target.table} WHERE rowid > @after AND rowid <= @last AND (${target.old})`),
    }]));
    return async (target: PurgeTarget, cutoff: number, onBatch: () => void): Promise<number> => {
      const { window, purge } = statements.get(target)!;
      const limit = this.settings.batchSize;
      let deleted = 0;
      let after = 0;
      while (!this.stopped) {
        const rows = window.all({ after, limit, cutoff }) as Array<{ id: number; old: number }>;
        if (rows.length === 0) break;
        const last = rows[rows.length - 1]!.id;
        const anyOld = rows.some((row) => row.old === 1);
        if (anyOld) {
          deleted += purge.run({ after, last, cutoff }).changes;
          onBatch();
        }
        if (rows.length < limit || (!anyOld && target.inOrder)) break;
        after = last;
        await this.pause();
      }
      return deleted;
    };
  }

  /**
   * PostgreSQL: the server finds the rows (the event loop only waits), so each statement deletes up to
   * `batchSize` old rows by their ctid; short transactions keep locks and WAL bursts small, and
   * several instances purging at once only delete rows the other has not.
   */
  private postgresPurge(pool: pg.Pool) {
    return async (target: PurgeTarget, cutoff: number, onBatch: () => void): Promise<number> => {
      const old = target.old.replaceAll('@cutoff', '$1');
      const statement = `DELETE FROM ${target.table} WHERE ctid IN (SELECT ctid FROM ${target.table} WHERE ${old} LIMIT $2)`;
      const uses = target.old.includes('@cutoff');
      let deleted = 0;
      while (!this.stopped) {
        // Unused parameters cannot be typed by PostgreSQL: $1 is passed only when the condition names it.
        const result = await pool.query(uses ? statement : statement.replace('$2', '$1'), uses ? [cutoff, this.settings.batchSize] : [this.settings.batchSize]);
        const count = result.rowCount ?? 0;
        if (count > 0) onBatch();
        deleted += count;
        if (count < this.settings.batchSize) break;
        await this.pause();
      }
      return deleted;
    };
  }
}
