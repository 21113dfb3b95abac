import { listFixtureFlows, type FixtureFlow } from '../../fixtures/index.ts';
import type { CharlaContext } from '../context.ts';
import { renderProblems } from '../../schema/index.ts';
import { checkDraft } from './check-draft.ts';
import { storedProblems } from './draft-problems.ts';

const FIXTURES_LOADED = 'fixtures_loaded_at';

export interface SeedResult {
  /** False when an earlier run already loaded them (deleted drafts stay deleted). */
  firstRun: boolean;
  loaded: string[];
  /** Fixtures left out, with why. */
  skipped: Array<{ file: string; reason: string }>;
}

/**
 * On a database's first run, stores every fixture bot as a draft (not published), so a new
 * install has something to open. Later runs do nothing.
 * @example const { loaded } = await seedFixtureDrafts(app.charla); // ['banco-saldo', 'pizzeria', ...]
 */
export async function seedFixtureDrafts(
  context: Pick<CharlaContext, 'database' | 'flows' | 'now'>,
  fixtures: () => FixtureFlow[] = listFixtureFlows,
): Promise<SeedResult> {
  const { database, flows, now } = context;
  const { serverMeta } = database.tables;
  return database.transaction(async (tx) => {
    // Claiming the marker first: instances starting together on PostgreSQL wait here for the first one's commit.
    const claimed = await tx.insert(serverMeta).values({ key: FIXTURES_LOADED, value: String(now()) })
      .onConflictDoNothing().returning({ key: serverMeta.key });
    if (claimed.length === 0) return { firstRun: false, loaded: [], skipped: [] };
    const result: SeedResult = { firstRun: true, loaded: [], skipped: [] };
    for (const { file, document } of fixtures()) {
      const check = checkDraft(document);
      if (!check.schemaValid) {
        result.skipped.push({ file, reason: renderProblems(check.found, 'es').map((problem) => problem.message).join('; ') });
      } else if (!(await flows.createDraftIfNew(check.document, storedProblems(check.found), now(), null, tx))) {
        result.skipped.push({ file, reason: `a flow "${check.document.id}" already exists` });
      } else {
        result.loaded.push(check.document.id);
      }
    }
    return result;
  });
}
