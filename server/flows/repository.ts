import { and, desc, eq, max, sql } from 'drizzle-orm';
import type { FlowSummary } from '../../schema/api/flows.ts';
import type { VersionSummary } from '../../schema/api/versions.ts';
import type { FlowDocument } from '../../schema/index.ts';
import type { CharlaDb } from '../db/connection.ts';
import { draftSnapshots, flows, flowVersions, simulations } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { contentHash } from './content-hash.ts';

export interface FlowDraft extends FlowSummary {
  document: FlowDocument;
}

/** Parsed versions kept in memory: they never change, and the live path reads them on every turn. */
const VERSION_CACHE_SIZE = 64;

/**
 * Drafts, immutable versions and the live pointer. Reads on the live path
 * (`getLiveFlow`, `getVersion`) are prepared statements plus a cache of parsed documents.
 * @example const live = repo.getLiveFlow('pizzeria'); // { version: 3, document } or undefined
 */
export function createFlowRepository(db: CharlaDb) {
  const summaryColumns = { id: flows.id, name: flows.name, revision: flows.revision, liveVersion: flows.liveVersion };
  const draftById = db.select({ ...summaryColumns, document: flows.document }).from(flows)
    .where(eq(flows.id, sql.placeholder('id'))).prepare();
  const summaryById = db.select(summaryColumns).from(flows).where(eq(flows.id, sql.placeholder('id'))).prepare();
  const livePointer = db.select({ liveVersion: flows.liveVersion }).from(flows)
    .where(eq(flows.id, sql.placeholder('id'))).prepare();
  const versionDocument = db.select({ document: flowVersions.document }).from(flowVersions)
    .where(and(eq(flowVersions.flowId, sql.placeholder('id')), eq(flowVersions.version, sql.placeholder('version'))))
    .prepare();
  const versionColumns = {
    version: flowVersions.version, contentHash: flowVersions.contentHash, author: flowVersions.author,
    note: flowVersions.note, createdAt: flowVersions.createdAt,
  };
  const versionCache = new Map<string, FlowDocument>();

  function getVersion(flowId: string, version: number): FlowDocument | undefined {
    const key = `${flowId}\u0000${version}`;
    const cached = versionCache.get(key);
    if (cached) return cached;
    const row = versionDocument.get({ id: flowId, version });
    if (!row) return undefined;
    const document = JSON.parse(row.document) as FlowDocument;
    if (versionCache.size >= VERSION_CACHE_SIZE) versionCache.delete(versionCache.keys().next().value!);
    versionCache.set(key, document);
    return document;
  }

  /** The flow without parsing its draft: for routes that only need it to exist. */
  function requireFlow(id: string): FlowSummary {
    const row = summaryById.get({ id });
    if (!row) throw new AppError('flow_not_found', `No flow "${id}"`);
    return row;
  }

  function requireDraft(id: string): FlowDraft {
    const row = draftById.get({ id });
    if (!row) throw new AppError('flow_not_found', `No flow "${id}"`);
    return { ...row, document: JSON.parse(row.document) as FlowDocument };
  }

  /** 409 when the draft's content is the live version's: publishing it would add an identical version. */
  function refuseUnchanged(tx: Pick<CharlaDb, 'select'>, id: string, liveVersion: number | null, hash: string): void {
    if (liveVersion === null) return;
    const live = tx.select({ contentHash: flowVersions.contentHash }).from(flowVersions)
      .where(and(eq(flowVersions.flowId, id), eq(flowVersions.version, liveVersion))).get();
    if (live?.contentHash === hash) {
      throw new AppError('draft_unchanged', `The draft is the same as version ${liveVersion}, which is live: change something before publishing`,
        { liveVersion });
    }
  }

  return {
    getVersion,

    /** The version new conversations of this flow start on, or undefined if never published. */
    getLiveFlow(flowId: string): { version: number; document: FlowDocument } | undefined {
      const version = livePointer.get({ id: flowId })?.liveVersion;
      if (version === undefined || version === null) return undefined;
      const document = getVersion(flowId, version);
      return document && { version, document };
    },

    /** The draft's or a version's document; 404 (flow_not_found, version_not_found) if there is none. */
    requireDocument(id: string, source: 'draft' | number): FlowDocument {
      if (source === 'draft') return requireDraft(id).document;
      requireFlow(id);
      const document = getVersion(id, source);
      if (!document) throw new AppError('version_not_found', `Flow "${id}" has no version ${source}`);
      return document;
    },

    listFlows(): FlowSummary[] {
      return db.select(summaryColumns).from(flows).orderBy(flows.id).all();
    },

    getDraft(id: string): FlowDraft | undefined {
      const row = draftById.get({ id });
      return row && { ...row, document: JSON.parse(row.document) as FlowDocument };
    },

    requireDraft,
    requireFlow,

    /** Stores a new flow's draft at revision 1; 409 if the id is taken. */
    createDraft(document: FlowDocument, now: number): number {
      const result = db.insert(flows).values({
        id: document.id, name: document.name, document: JSON.stringify(document),
        revision: 1, createdAt: now, updatedAt: now,
      }).onConflictDoNothing().run();
      if (result.changes === 0) throw new AppError('flow_exists', `A flow "${document.id}" already exists`);
      return 1;
    },

    /** Replaces the draft if `revision` is still current; returns the new revision, else 409. */
    saveDraft(id: string, document: FlowDocument, revision: number, now: number): number {
      const result = db.update(flows)
        .set({ name: document.name, document: JSON.stringify(document), revision: revision + 1, updatedAt: now })
        .where(and(eq(flows.id, id), eq(flows.revision, revision))).run();
      if (result.changes === 0) {
        const current = requireFlow(id);
        throw new AppError('revision_conflict',
          `The draft is at revision ${current.revision}, you sent ${revision}: reload it and apply your change again`,
          { currentRevision: current.revision });
      }
      return revision + 1;
    },

    /**
     * Turns the draft at `revision` into the next version and makes it live, in one transaction.
     * The caller validated exactly that draft; a newer revision means it changed since (409), and
     * a draft identical to the live version is refused (409 draft_unchanged). A draft equal to an
     * older version publishes: republishing it is how one rolls forward with a new note.
     */
    publish(id: string, input: { revision: number; author: string; note?: string; now: number }): { version: number; contentHash: string } {
      return db.transaction((tx) => {
        const draft = tx.select({ revision: flows.revision, document: flows.document, liveVersion: flows.liveVersion }).from(flows)
          .where(eq(flows.id, id)).get();
        if (!draft) throw new AppError('flow_not_found', `No flow "${id}"`);
        if (draft.revision !== input.revision) {
          throw new AppError('revision_conflict', 'The draft changed while publishing; try again',
            { currentRevision: draft.revision });
        }
        const last = tx.select({ last: max(flowVersions.version) }).from(flowVersions)
          .where(eq(flowVersions.flowId, id)).get();
        const version = (last?.last ?? 0) + 1;
        const hash = contentHash(JSON.parse(draft.document));
        refuseUnchanged(tx, id, draft.liveVersion, hash);
        tx.insert(flowVersions).values({
          flowId: id, version, contentHash: hash, author: input.author,
          note: input.note ?? null, createdAt: input.now, document: draft.document,
        }).run();
        tx.update(flows).set({ liveVersion: version }).where(eq(flows.id, id)).run();
        return { version, contentHash: hash };
      });
    },

    listVersions(id: string): VersionSummary[] {
      const { liveVersion } = requireFlow(id);
      return db.select(versionColumns).from(flowVersions).where(eq(flowVersions.flowId, id)).orderBy(desc(flowVersions.version)).all()
        .map((row) => ({ ...row, live: row.version === liveVersion }));
    },

    versionSummary(id: string, version: number): Omit<VersionSummary, 'live'> | undefined {
      return db.select(versionColumns).from(flowVersions).where(and(eq(flowVersions.flowId, id), eq(flowVersions.version, version))).get();
    },

    /** Deletes a flow that was never published (published ones keep their history); 409 otherwise. */
    deleteDraft(id: string): void {
      db.transaction((tx) => {
        const flow = tx.select({ liveVersion: flows.liveVersion }).from(flows).where(eq(flows.id, id)).get();
        if (!flow) throw new AppError('flow_not_found', `No flow "${id}"`);
        if (flow.liveVersion !== null) {
          throw new AppError('flow_published', `"${id}" is published: published flows keep their version history and cannot be deleted`);
        }
        tx.delete(simulations).where(eq(simulations.flowId, id)).run();
        tx.delete(draftSnapshots).where(eq(draftSnapshots.flowId, id)).run();
        tx.delete(flows).where(eq(flows.id, id)).run();
      });
    },

    /** Points new conversations at another existing version (roll back or forward). */
    setLive(id: string, version: number): void {
      requireFlow(id);
      if (!getVersion(id, version)) {
        throw new AppError('version_not_found', `Flow "${id}" has no version ${version}`);
      }
      db.update(flows).set({ liveVersion: version }).where(eq(flows.id, id)).run();
    },
  };
}

export type FlowRepository = ReturnType<typeof createFlowRepository>;
