import Database from 'better-sqlite3';
import { MergedCounters, type CounterIncrement } from './analytics/counters.ts';
import { GroupCommit } from './group-commit.ts';

function setup() {
  const sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
  const insert = sqlite.prepare('INSERT INTO t (v) VALUES (?)');
  const values = () => (sqlite.prepare('SELECT v FROM t ORDER BY id').all() as Array<{ v: string }>).map((row) => row.v);
  return { sqlite, insert, values, commit: new GroupCommit(sqlite) };
}

describe('GroupCommit', () => {
  it('writes the work of one event-loop turn in one transaction and settles each promise after it', async () => {
    const { insert, values, commit } = setup();
    const results = await Promise.all([
      commit.run(() => insert.run('a').changes),
      commit.run(() => insert.run('b').changes),
      commit.run(() => [insert.run('c').changes, insert.run('d').changes]),
    ]);
    expect(results).toEqual([1, 1, [1, 1]]);
    expect(values()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rolls back only the work that fails, all of its statements, and commits the rest', async () => {
    const { insert, values, commit } = setup();
    insert.run('taken');
    const failing = commit.run(() => {
      insert.run('half');
      insert.run('taken'); // UNIQUE constraint: the whole piece of work must undo 'half'
    });
    const ok = [commit.run(() => insert.run('before').changes), commit.run(() => insert.run('after').changes)];
    await expect(failing).rejects.toThrow(/UNIQUE/);
    expect(await Promise.all(ok)).toEqual([1, 1]);
    expect(values()).toEqual(['taken', 'before', 'after']);
  });

  it('fails a single statement alone too', async () => {
    const { insert, values, commit } = setup();
    const results = await Promise.allSettled([
      commit.run(() => insert.run('x')),
      commit.run(() => insert.run('x')),
      commit.run(() => insert.run('y')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(values()).toEqual(['x', 'y']);
  });

  it('refuses work once closed, after writing what was queued', async () => {
    const { insert, values, commit } = setup();
    const queued = commit.run(() => insert.run('last'));
    commit.close();
    await queued;
    await expect(commit.run(() => insert.run('late'))).rejects.toThrow(/closing/);
    expect(values()).toEqual(['last']);
  });

  it('writes merged counters once per transaction, inside it, leaving out those of work that failed', async () => {
    const { sqlite, insert, values, commit } = setup();
    sqlite.exec('CREATE TABLE counters (metric TEXT PRIMARY KEY, count INTEGER NOT NULL, total INTEGER NOT NULL)');
    const upsert = sqlite.prepare('INSERT INTO counters VALUES (?, ?, ?) ON CONFLICT (metric) DO UPDATE SET count = count + excluded.count, total = total + excluded.total');
    const written: string[] = [];
    const counters = new MergedCounters((row) => {
      written.push(`${row.metric}×${row.count}`);
      upsert.run(row.metric, row.count, row.total);
    });
    commit.mergeWrites(counters);
    const counter = (metric: CounterIncrement['metric'], total = 0): CounterIncrement => ({ flowId: 'f', flowVersion: 1, hour: 0, nodeId: '', metric, key: '', count: 1, total });
    insert.run('taken');
    const results = await Promise.allSettled([
      commit.run(() => counters.stage([counter('started'), counter('answer', 300)])),
      commit.run(() => {
        counters.stage([counter('started'), counter('errored')]);
        insert.run('taken'); // fails after staging: neither of its counters may be written
      }),
      commit.run(() => counters.stage([counter('started'), counter('answer', 200)])),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(written.sort()).toEqual(['answer×2', 'started×2']);
    expect(sqlite.prepare('SELECT metric, count, total FROM counters ORDER BY metric').all()).toEqual([
      { metric: 'answer', count: 2, total: 500 }, { metric: 'started', count: 2, total: 0 },
    ]);
    // The next transaction starts from nothing.
    await commit.run(() => counters.stage([counter('completed')]));
    expect(written.at(-1)).toBe('completed×1');
    expect(values()).toEqual(['taken']);
  });
});
