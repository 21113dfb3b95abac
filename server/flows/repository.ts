import { and, desc, eq, max, sql } from 'drizzle-orm';
import type { FlowSummary } from '../../schema/api/flows.ts';
import type { VersionSummary } from '../../schema/api/versions.ts';
import type { FlowDocument } from '../../schema/index.ts';
import type { CharlaDb } from '../db/connection.ts';
import type { CharlaDatabase } from '../db/database.ts';
import { SHARED_READ_CACHE_MS, sharedReadCache } from '../db/shared-read-cache.ts';
import { AppError } from '../errors.ts';
import { contentHash } from './content-hash.ts';
import type { DraftRevision, StoredProblems } from './draft-problems.ts';

export interface FlowDraft extends FlowSummary {
  document: FlowDocument;
  /** When this revision was saved: with the id and revision, it names the stored document (draft-problems.ts). */
  updatedAt: number;
  /** The revision's problems as saved (JSON of `StoredProblems`); null for drafts stored before they were kept. */
  storedProblems: string | null;
}

/** Parsed versions kept in memory: they never change, and the live path reads them on every turn. */
const VERSION_CACHE_SIZE = 64;

/**
 * Drafts, immutable versions and the live pointer. Reads on the live path
 * (`getLiveFlow`, `getVersion`) are prepared statements plus a cache of parsed documents.
 * @example const live = await repo.getLiveFlow('pizzeria'); // { version: 3, document } or undefined
 */
export function createFlowRepository(database: CharlaDatabase) {
  const { db, prepared, tables: { flows, flowVersions, simulations, draftSnapshots } } = database;
  const summaryColumns = {
    id: flows.id, name: flows.name, revision: flows.revision, liveVersion: flows.liveVersion, updatedAt: flows.updatedAt, updatedBy: flows.updatedBy,
  };
  const draftById = prepared(db.select({ ...summaryColumns, document: flows.document, storedProblems: flows.problems }).from(flows)
    .where(eq(flows.id, sql.placeholder('id'))), 'flow_draft_by_id');
  const summaryById = prepared(db.select(summaryColumns).from(flows).where(eq(flows.id, sql.placeholder('id'))), 'flow_summary_by_id');
  const livePointer = prepared(db.select({ liveVersion: flows.liveVersion }).from(flows)
    .where(eq(flows.id, sql.placeholder('id'))), 'flow_live_pointer');
  const versionDocument = prepared(db.select({ document: flowVersions.document }).from(flowVersions)
    .where(and(eq(flowVersions.flowId, sql.placeholder('id')), eq(flowVersions.version, sql.placeholder('version')))),
  'flow_version_document');
  const versionColumns = {
    version: flowVersions.version, contentHash: flowVersions.contentHash, author: flowVersions.author,
    note: flowVersions.note, createdAt: flowVersions.createdAt,
  };
  const versionCache = new Map<string, FlowDocument>();
  /** Which version is live, per flow; kept SHARED_READ_CACHE_MS on PostgreSQL (each turn asks), dropped when this instance changes it. */
  const liveVersions = sharedReadCache(async (flowId: string) => (await livePointer({ id: flowId }))[0]?.liveVersion ?? undefined,
    database.dialect === 'postgres' ? SHARED_READ_CACHE_MS : 0);

  async function getVersion(flowId: string, version: number): Promise<FlowDocument | undefined> {
    const key = `${flowId}\u0000${version}`;
    const cached = versionCache.get(key);
    if (cached) return cached;
    const [row] = await versionDocument({ id: flowId, version });
    if (!row) return undefined;
    const document = JSON.parse(row.document) as FlowDocument;
    if (versionCache.size >= VERSION_CACHE_SIZE) versionCache.delete(versionCache.keys().next().value!);
    versionCache.set(key, document);
    return document;
  }

  /** The flow without parsing its draft: for routes that only need it to exist. */
  async function requireFlow(id: string): Promise<FlowSummary> {
    const [row] = await summaryById({ id });
    if (!row) throw new AppError('flow_not_found', `No flow "${id}"`);
    return row;
  }

  async function requireDraft(id: string): Promise<FlowDraft> {
    const [row] = await draftById({ id });
    if (!row) throw new AppError('flow_not_found', `No flow "${id}"`);
    return { ...row, document: JSON.parse(row.document) as FlowDocument };
  }

  /** 409 when the draft's content is the live version's: publishing it would add an identical version. */
  async function refuseUnchanged(tx: Pick<CharlaDb, 'select'>, id: string, liveVersion: number | null, hash: string): Promise<void> {
    if (liveVersion === null) return;
    const [live] = await tx.select({ contentHash: flowVersions.contentHash }).from(flowVersions)
      .where(and(eq(flowVersions.flowId, id), eq(flowVersions.version, liveVersion)));
    if (live?.contentHash === hash) {
      throw new AppError('draft_unchanged', `The draft is the same as version ${liveVersion}, which is live: change something before publishing`,
        { liveVersion });
    }
  }

  /**
   * Stores a new flow's draft at revision 1 with its problems (in `tx` when given) by `author` (null: Charla
   * itself); false if the id is taken.
   */
  async function createDraftIfNew(
    document: FlowDocument, problems: StoredProblems, now: number, author: string | null, tx: CharlaDb = db,
  ): Promise<boolean> {
    const created = await tx.insert(flows).values({
      id: document.id, name: document.name, document: JSON.stringify(document), problems: JSON.stringify(problems),
      revision: 1, createdAt: now, updatedAt: now, updatedBy: author,
    }).onConflictDoNothing().returning({ id: flows.id });
    return created.length > 0;
  }

  /** The row locked until the transaction ends on PostgreSQL; SQLite's transaction already holds the whole database. */
  function lockFlow<Query>(query: Query): Query {
    return database.dialect === 'postgres' ? (query as Query & { for(strength: 'update'): Query }).for('update') : query;
  }

  return {
    getVersion,

    /** The version new conversations of this flow start on, or undefined if never published. */
    async getLiveFlow(flowId: string): Promise<{ version: number; document: FlowDocument } | undefined> {
      const version = await liveVersions.get(flowId);
      if (version === undefined) return undefined;
      const document = await getVersion(flowId, version);
      return document && { version, document };
    },

    /** The draft's or a version's document; 404 (flow_not_found, version_not_found) if there is none. */
    async requireDocument(id: string, source: 'draft' | number): Promise<FlowDocument> {
      if (source === 'draft') return (await requireDraft(id)).document;
      await requireFlow(id);
      const document = await getVersion(id, source);
      if (!document) throw new AppError('version_not_found', `Flow "${id}" has no version ${source}`);
      return document;
    },

    listFlows(): Promise<FlowSummary[]> {
      return db.select(summaryColumns).from(flows).orderBy(flows.id);
    },

    async getDraft(id: string): Promise<FlowDraft | undefined> {
      const [row] = await draftById({ id });
      return row && { ...row, document: JSON.parse(row.document) as FlowDocument };
    },

    requireDraft,
    requireFlow,

    /** Keeps the problems of a draft stored without them; a draft saved since keeps its own. */
    async storeProblems(draft: DraftRevision, problems: StoredProblems): Promise<void> {
      await db.update(flows).set({ problems: JSON.stringify(problems) })
        .where(and(eq(flows.id, draft.id), eq(flows.revision, draft.revision), eq(flows.updatedAt, draft.updatedAt)));
    },

    /** Stores a new flow's draft at revision 1 with its problems; 409 if the id is taken. */
    async createDraft(document: FlowDocument, problems: StoredProblems, now: number, author: string): Promise<number> {
      if (!(await createDraftIfNew(document, problems, now, author))) throw new AppError('flow_exists', `A flow "${document.id}" already exists`);
      return 1;
    },

    createDraftIfNew,

    /**
     * Replaces the draft and its problems if `revision` is still current; returns the new revision, else 409
     * naming who saved the current one and when, so the person whose save was refused knows whom to ask.
     */
    async saveDraft(id: string, document: FlowDocument, problems: StoredProblems, revision: number, now: number, author: string): Promise<number> {
      const saved = await db.update(flows)
        .set({
          name: document.name, document: JSON.stringify(document), problems: JSON.stringify(problems),
          revision: revision + 1, updatedAt: now, updatedBy: author,
        })
        .where(and(eq(flows.id, id), eq(flows.revision, revision))).returning({ id: flows.id });
      if (saved.length === 0) {
        const current = await requireFlow(id);
        throw new AppError('revision_conflict',
          `The draft is at revision ${current.revision}, you sent ${revision}: reload it and apply your change again`,
          { currentRevision: current.revision, updatedAt: current.updatedAt, updatedBy: current.updatedBy });
      }
      return revision + 1;
    },

    /**
     * Turns the draft at `revision` into the next version and makes it live, in one transaction.
     * The caller validated exactly that draft; a newer revision means it changed since (409), and
     * a draft identical to the live version is refused (409 draft_unchanged). A draft equal to an
     * older version publishes: republishing it is how one rolls forward with a new note.
     */
    publish(id: string, input: { revision: number; author: string; note?: string; now: number }): Promise<{ version: number; contentHash: string }> {
      return database.transaction(async (tx) => {
        // FOR UPDATE on PostgreSQL: two instances publishing the same flow at once queue here.
        const [draft] = await lockFlow(tx.select({ revision: flows.revision, document: flows.document, liveVersion: flows.liveVersion }).from(flows)
          .where(eq(flows.id, id)));
        if (!draft) throw new AppError('flow_not_found', `No flow "${id}"`);
        if (draft.revision !== input.revision) {
          throw new AppError('revision_conflict', 'The draft changed while publishing; try again',
            { currentRevision: draft.revision });
        }
        const [last] = await tx.select({ last: max(flowVersions.version) }).from(flowVersions)
          .where(eq(flowVersions.flowId, id));
        const version = (last?.last ?? 0) + 1;
        const hash = contentHash(JSON.parse(draft.document));
        await refuseUnchanged(tx, id, draft.liveVersion, hash);
        await tx.insert(flowVersions).values({
          flowId: id, version, contentHash: hash, author: input.author,
          note: input.note ?? null, createdAt: input.now, document: draft.document,
        });
        await tx.update(flows).set({ liveVersion: version }).where(eq(flows.id, id));
        return { version, contentHash: hash };
      }).finally(() => liveVersions.forget(id));
    },

    async listVersions(id: string): Promise<VersionSummary[]> {
      const { liveVersion } = await requireFlow(id);
      const rows = await db.select(versionColumns).from(flowVersions).where(eq(flowVersions.flowId, id)).orderBy(desc(flowVersions.version));
      return rows.map((row) => ({ ...row, live: row.version === liveVersion }));
    },

    async versionSummary(id: string, version: number): Promise<Omit<VersionSummary, 'live'> | undefined> {
      const [row] = await db.select(versionColumns).from(flowVersions).where(and(eq(flowVersions.flowId, id), eq(flowVersions.version, version)));
      return row;
    },

    /** Deletes a flow that was never published (published ones keep their history); 409 otherwise. */
    deleteDraft(id: string): Promise<void> {
      return database.transaction(async (tx) => {
        const [flow] = await lockFlow(tx.select({ liveVersion: flows.liveVersion }).from(flows).where(eq(flows.id, id)));
        if (!flow) throw new AppError('flow_not_found', `No flow "${id}"`);
        if (flow.liveVersion !== null) {
          throw new AppError('flow_published', `"${id}" is published: published flows keep their version history and cannot be deleted`);
        }
        await tx.delete(simulations).where(eq(simulations.flowId, id));
        await tx.delete(draftSnapshots).where(eq(draftSnapshots.flowId, id));
        await tx.delete(flows).where(eq(flows.id, id));
      });
    },

    /** Points new conversations at another existing version (roll back or forward). */
    async setLive(id: string, version: number): Promise<void> {
      await requireFlow(id);
      if (!(await getVersion(id, version))) {
        throw new AppError('version_not_found', `Flow "${id}" has no version ${version}`);
      }
      await db.update(flows).set({ liveVersion: version }).where(eq(flows.id, id));
      liveVersions.forget(id);
    },
  };
}

export type FlowRepository = ReturnType<typeof createFlowRepository>;
