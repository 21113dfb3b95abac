import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { generateFlowWithProblems } from '../../fixtures/generate-flow.ts';
import { capProblems, validateFlow, type Problem, type ProblemCount } from '../../schema/index.ts';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * Issue 10: a draft's problems are stored with its revision, so reading it back, after a restart too,
 * does not validate it; drafts stored before the column existed get it on their first read.
 */
const careless = generateFlowWithProblems(200);
type ProblemsAnswer = { problems: Problem[]; problemCounts: ProblemCount[] };

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'charla-draft-problems-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function read(t: TestApp, id: string, language = 'es'): Promise<ProblemsAnswer & { document: unknown; revision: number }> {
  const response = await t.app.inject({ method: 'GET', url: `/api/flows/${id}`, headers: { ...t.auth(), 'accept-language': language } });
  expect(response.statusCode).toBe(200);
  return response.json();
}

const expected = (locale: 'es' | 'pt' | 'en') => capProblems(validateFlow(careless, { locale }).problems);

describe('a draft\'s problems stored with its revision', () => {
  it('a fresh app over the same SQLite file answers the stored problems, in each language, without validating', async () => {
    const dbPath = join(dir, 'charla.db');
    const first = await createTestApp({ CHARLA_DB: dbPath });
    try {
      const saved = await first.app.inject({ method: 'POST', url: '/api/flows', headers: first.auth(), payload: careless });
      expect(saved.statusCode).toBe(201);
    } finally {
      await first.close();
    }
    // What the save stored, with one problem's parameters changed: a read that validated would not answer it.
    const sqlite = new Database(dbPath);
    const stored = JSON.parse(sqlite.prepare('SELECT problems FROM flows WHERE id = ?').pluck().get(careless.id) as string);
    expect(stored.problemCounts).toEqual(expected('es').problemCounts);
    const marked = stored.problems.findIndex((problem: { code: string }) => problem.code === 'message_empty');
    stored.problems[marked].pointer = '/stored-not-validated';
    sqlite.prepare('UPDATE flows SET problems = ? WHERE id = ?').run(JSON.stringify(stored), careless.id);
    sqlite.close();

    const restarted = await createTestApp({ CHARLA_DB: dbPath });
    try {
      for (const locale of ['es', 'pt', 'en'] as const) {
        const answer = await read(restarted, careless.id, locale);
        const want = expected(locale);
        want.problems[marked] = { ...want.problems[marked]!, pointer: '/stored-not-validated' };
        expect({ problems: answer.problems, problemCounts: answer.problemCounts }).toEqual(want);
      }
    } finally {
      await restarted.close();
    }
  });

  it('a save in one language answers the same problems as reading in another writes them', async () => {
    const t = await createTestApp({ CHARLA_DB: join(dir, 'charla.db') });
    try {
      const created = await t.app.inject({ method: 'POST', url: '/api/flows', headers: { ...t.auth(), 'accept-language': 'en' }, payload: careless });
      expect(created.json()).toMatchObject(expected('en'));
      const answer = await read(t, careless.id, 'pt-BR');
      expect({ problems: answer.problems, problemCounts: answer.problemCounts }).toEqual(expected('pt'));
    } finally {
      await t.close();
    }
  });
});

/**
 * A copy of `folder`'s migrations up to the one that adds the column: a database migrated with it is one
 * from before this release.
 */
function migrationsBeforeColumn(folder: string, adds: RegExp): string {
  const copy = join(dir, folder.split('/').at(-1)!);
  cpSync(folder, copy, { recursive: true });
  const journalPath = join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex(({ tag }) => adds.test(readFileSync(join(copy, `${tag}.sql`), 'utf8')));
  expect(at).toBeGreaterThan(0);
  for (const { tag } of journal.entries.slice(at)) rmSync(join(copy, `${tag}.sql`));
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  expect(readdirSync(copy).filter((file) => file.endsWith('.sql'))).toHaveLength(at);
  return copy;
}

const INSERT_DRAFT = 'INSERT INTO flows (id, name, document, revision, created_at, updated_at) VALUES ($1, $2, $3, 4, 1700000000000, 1700000000000)';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

describe('migrating a database with drafts stored before the column', () => {
  let postgres: TestPostgres;
  beforeAll(async () => { postgres = await startTestPostgres(); }, 120_000);
  afterAll(() => postgres?.stop());

  async function expectFirstReadWritesBack(t: TestApp, storedProblems: () => Promise<string | null>): Promise<void> {
    expect(await storedProblems()).toBeNull();
    const answer = await read(t, careless.id);
    expect(answer).toMatchObject({ revision: 4, document: careless, ...expected('es') });
    const written = JSON.parse((await storedProblems())!);
    expect(written.problemCounts).toEqual(expected('es').problemCounts);
  }

  it('on SQLite: the draft is kept whole; its first read validates it and stores the result', async () => {
    const dbPath = join(dir, 'charla.db');
    const sqlite = new Database(dbPath);
    migrateSqlite(drizzleSqlite(sqlite), { migrationsFolder: migrationsBeforeColumn(here('./migrations'), /ADD `problems`/) });
    sqlite.prepare(INSERT_DRAFT.replace(/\$\d/g, '?')).run(careless.id, careless.name, JSON.stringify(careless));
    sqlite.close();

    const t = await createTestApp({ CHARLA_DB: dbPath });
    const check = new Database(dbPath, { readonly: true });
    try {
      await expectFirstReadWritesBack(t, async () => check.prepare('SELECT problems FROM flows WHERE id = ?').pluck().get(careless.id) as string | null);
    } finally {
      check.close();
      await t.close();
    }
  });

  it('on PostgreSQL: the draft is kept whole; its first read validates it and stores the result', async () => {
    const url = await postgres.freshDatabase();
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await migratePg(drizzlePg(pool), { migrationsFolder: migrationsBeforeColumn(here('./postgres-migrations'), /ADD COLUMN "problems"/) });
      await pool.query(INSERT_DRAFT, [careless.id, careless.name, JSON.stringify(careless)]);
      const t = await createTestApp({ CHARLA_DATABASE_URL: url });
      try {
        await expectFirstReadWritesBack(t, async () => (await pool.query('SELECT problems FROM flows WHERE id = $1', [careless.id])).rows[0].problems);
      } finally {
        await t.close();
      }
    } finally {
      await pool.end();
    }
  });
});
