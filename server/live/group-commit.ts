import type Database from 'better-sqlite3';

type WorkResult = { ok: true; value: unknown } | { ok: false; error: unknown };

interface PendingWork {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes that pieces of work stage and that one transaction writes merged, once, before its COMMIT:
 * the analytics counters, where fifty turns of one flow in a batch add to the same few rows.
 */
export interface MergedWrites {
  /** The piece of work that just ran stays in the transaction: keep what it staged. */
  keep(): void;
  /** The piece of work that just ran was rolled back: forget what it staged. */
  drop(): void;
  /** Inside the transaction, before COMMIT: write what was kept. */
  write(): void;
  /** The transaction rolled back: forget everything. */
  reset(): void;
}

/**
 * Group commit: the writes asked for during one event-loop turn share one transaction. Callers get
 * their promise settled only after COMMIT, so "stored, then acknowledged" still holds. On this
 * machine it more than doubles the webhook's write throughput (docs/performance.md).
 * The batch first runs without savepoints (they copy every page a piece of work touches again
 * into SQLite's sub-journal); if any work throws, that transaction is rolled back and the batch
 * runs again with each piece in its own SAVEPOINT, so one failing piece rolls back alone. Work
 * may therefore run twice: it must do nothing but its SQL statements (and compute its result).
 * @example const inserted = await groupCommit.run(() => insertInbound.run(row).changes);
 */
export class GroupCommit {
  private queue: PendingWork[] = [];
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;
  private readonly savepoint: Database.Statement;
  private readonly release: Database.Statement;
  private readonly rollbackToSavepoint: Database.Statement;
  private closed = false;
  private readonly merged: MergedWrites[] = [];

  constructor(private readonly sqlite: Database.Database) {
    this.begin = sqlite.prepare('BEGIN IMMEDIATE');
    this.commit = sqlite.prepare('COMMIT');
    this.rollback = sqlite.prepare('ROLLBACK');
    this.savepoint = sqlite.prepare('SAVEPOINT work');
    this.release = sqlite.prepare('RELEASE work');
    this.rollbackToSavepoint = sqlite.prepare('ROLLBACK TO work');
  }

  /** Runs `work` (synchronous SQLite statements) in the next shared transaction. */
  run<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The database is closing; nothing more is written'));
    return new Promise<T>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Every transaction from now on writes `writes` merged before its COMMIT (MergedWrites). */
  mergeWrites(writes: MergedWrites): void {
    this.merged.push(writes);
  }

  /** Writes what is queued now and refuses further work (before the connection closes). */
  close(): void {
    this.flush();
    this.closed = true;
  }

  private flush(): void {
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let results: WorkResult[];
    try {
      results = this.runTogether(batch) ?? this.runIsolated(batch);
    } catch (error) {
      for (const writes of this.merged) writes.reset();
      if (this.sqlite.inTransaction) this.rollback.run();
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const result = results[index]!;
      if (result.ok) item.resolve(result.value);
      else item.reject(result.error);
    });
  }

  /** The usual case: one transaction, no savepoints. Undefined (rolled back) when any work throws. */
  private runTogether(batch: PendingWork[]): WorkResult[] | undefined {
    const results: WorkResult[] = [];
    this.begin.run();
    try {
      for (const item of batch) {
        results.push({ ok: true, value: item.work() });
        for (const writes of this.merged) writes.keep();
      }
    } catch {
      for (const writes of this.merged) writes.reset();
      this.rollback.run();
      return undefined;
    }
    for (const writes of this.merged) writes.write();
    this.commit.run();
    return results;
  }

  /** After a failure: each piece of work in its own savepoint, so only the failing ones roll back. */
  private runIsolated(batch: PendingWork[]): WorkResult[] {
    this.begin.run();
    const results = batch.map((item) => this.runInSavepoint(item.work));
    for (const writes of this.merged) writes.write();
    this.commit.run();
    return results;
  }

  private runInSavepoint(work: () => unknown): WorkResult {
    this.savepoint.run();
    try {
      const value = work();
      this.release.run();
      for (const writes of this.merged) writes.keep();
      return { ok: true, value };
    } catch (error) {
      this.rollbackToSavepoint.run();
      this.release.run();
      for (const writes of this.merged) writes.drop();
      return { ok: false, error };
    }
  }
}
