import { eq } from 'drizzle-orm';
import { listFixtureFlows, type FixtureFlow } from '../../fixtures/index.ts';
import type { CharlaContext } from '../context.ts';
import { serverMeta } from '../db/schema.ts';
import { checkDraft } from './check-draft.ts';

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
 * @example const { loaded } = seedFixtureDrafts(app.charla); // ['banco-saldo', 'pizzeria', ...]
 */
export function seedFixtureDrafts(
  context: Pick<CharlaContext, 'db' | 'flows' | 'now'>,
  fixtures: () => FixtureFlow[] = listFixtureFlows,
): SeedResult {
  const { db, flows, now } = context;
  return db.transaction((tx) => {
    if (tx.select().from(serverMeta).where(eq(serverMeta.key, FIXTURES_LOADED)).get()) {
      return { firstRun: false, loaded: [], skipped: [] };
    }
    const result: SeedResult = { firstRun: true, loaded: [], skipped: [] };
    for (const { file, document } of fixtures()) {
      const check = checkDraft(document);
      if (!check.schemaValid) {
        result.skipped.push({ file, reason: check.problems.map((problem) => problem.message).join('; ') });
      } else if (flows.getDraft(check.document.id)) {
        result.skipped.push({ file, reason: `a flow "${check.document.id}" already exists` });
      } else {
        flows.createDraft(check.document, now());
        result.loaded.push(check.document.id);
      }
    }
    tx.insert(serverMeta).values({ key: FIXTURES_LOADED, value: String(now()) }).run();
    return result;
  });
}
