import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FlowDocument } from '../../schema/index.ts';
import type { Contact, Session, Timer } from '../../runtime/core/types.ts';
import type { CharlaDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { FlowRepository } from '../flows/repository.ts';

/** Who the simulator talks as, unless a simulation names its own contact. */
export const DEFAULT_SIMULATED_CONTACT: Contact = { waId: '5491100000000', name: 'Simulador' };

export interface StoredSimulation {
  id: string;
  flowId: string;
  /** What runTurn pins into the session: 'draft' or the version number. */
  version: number | 'draft';
  document: FlowDocument;
  session: Session | null;
  contact: Contact;
  /** Pending timers, fired when the simulation's clock reaches them. */
  timers: Timer[];
  /** How far "advance time" moved this simulation's clock ahead of the real one. */
  clockOffsetMs: number;
}

/** What a simulation's turns change: its session and timers, and its clock when time was advanced. */
export interface SimulationChange {
  session: Session | null;
  timers: Timer[];
  clockOffsetMs: number;
}

/**
 * Simulator conversations in the database. A simulation names what it runs instead of copying it: a
 * version (read through the flow repository's cache) or a draft revision, whose document is stored
 * once in draft_snapshots however many simulations run it. Editing the draft later does not change
 * a conversation under way.
 */
export function createSimulationStore(database: CharlaDatabase, flows: FlowRepository) {
  const { db, prepared, tables: { simulations, draftSnapshots } } = database;
  const byId = prepared(db.select().from(simulations).where(eq(simulations.id, sql.placeholder('id'))), 'simulation_by_id');
  const snapshot = prepared(db.select({ document: draftSnapshots.document }).from(draftSnapshots)
    .where(and(eq(draftSnapshots.flowId, sql.placeholder('flowId')), eq(draftSnapshots.revision, sql.placeholder('revision')))),
  'draft_snapshot');

  async function documentOf(row: typeof simulations.$inferSelect): Promise<FlowDocument> {
    if (row.source !== 'draft') return flows.requireDocument(row.flowId, Number(row.source));
    const [stored] = row.draftRevision === null ? [] : await snapshot({ flowId: row.flowId, revision: row.draftRevision });
    if (!stored) throw new AppError('simulation_not_found', `Simulation "${row.id}" ran a draft revision that is no longer kept`);
    return JSON.parse(stored.document) as FlowDocument;
  }

  return {
    /** Starts a simulation of the draft as it is now, or of a version; 404 if there is none. */
    async create(input: { flowId: string; source: number | 'draft'; contact?: Contact; createdBy: string; now: number }): Promise<string> {
      const id = randomUUID();
      const row = {
        id, flowId: input.flowId, source: String(input.source), draftRevision: null as number | null,
        contact: input.contact ? JSON.stringify(input.contact) : null, session: null, createdBy: input.createdBy,
        createdAt: input.now, updatedAt: input.now,
      };
      if (input.source === 'draft') {
        const draft = await flows.requireDraft(input.flowId);
        row.draftRevision = draft.revision;
        await database.transaction(async (tx) => {
          await tx.insert(draftSnapshots).values({ flowId: input.flowId, revision: draft.revision, document: JSON.stringify(draft.document) })
            .onConflictDoNothing();
          await tx.insert(simulations).values(row);
        });
      } else {
        await flows.requireDocument(input.flowId, input.source);
        await db.insert(simulations).values(row);
      }
      return id;
    },

    async get(id: string): Promise<StoredSimulation | undefined> {
      const [row] = await byId({ id });
      return row && {
        id: row.id,
        flowId: row.flowId,
        version: row.source === 'draft' ? 'draft' : Number(row.source),
        document: await documentOf(row),
        session: row.session === null ? null : (JSON.parse(row.session) as Session),
        contact: row.contact === null ? DEFAULT_SIMULATED_CONTACT : (JSON.parse(row.contact) as Contact),
        timers: JSON.parse(row.timers) as Timer[],
        clockOffsetMs: row.clockOffsetMs,
      };
    },

    /** `now`: the real time, which retention measures disuse by. */
    async save(id: string, change: SimulationChange, now: number): Promise<void> {
      await db.update(simulations).set({
        session: change.session === null ? null : JSON.stringify(change.session), timers: JSON.stringify(change.timers),
        clockOffsetMs: change.clockOffsetMs, updatedAt: now,
      }).where(eq(simulations.id, id));
    },
  };
}

export type SimulationStore = ReturnType<typeof createSimulationStore>;
