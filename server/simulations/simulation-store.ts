import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FlowDocument } from '../../schema/index.ts';
import type { Contact, Session } from '../../runtime/core/types.ts';
import type { CharlaDb } from '../db/connection.ts';
import { simulations } from '../db/schema.ts';

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
}

/**
 * Simulator conversations in SQLite: a snapshot of the document they run (so editing the draft
 * does not change a conversation under way) and the session after each turn.
 */
export function createSimulationStore(db: CharlaDb) {
  const byId = db.select().from(simulations).where(eq(simulations.id, sql.placeholder('id'))).prepare();

  return {
    create(input: { flowId: string; version: number | 'draft'; document: FlowDocument; contact?: Contact; createdBy: string; now: number }): string {
      const id = randomUUID();
      db.insert(simulations).values({
        id, flowId: input.flowId, source: String(input.version), document: JSON.stringify(input.document),
        contact: input.contact ? JSON.stringify(input.contact) : null, session: null, createdBy: input.createdBy,
        createdAt: input.now, updatedAt: input.now,
      }).run();
      return id;
    },

    get(id: string): StoredSimulation | undefined {
      const row = byId.get({ id });
      return row && {
        id: row.id,
        flowId: row.flowId,
        version: row.source === 'draft' ? 'draft' : Number(row.source),
        document: JSON.parse(row.document) as FlowDocument,
        session: row.session === null ? null : (JSON.parse(row.session) as Session),
        contact: row.contact === null ? DEFAULT_SIMULATED_CONTACT : (JSON.parse(row.contact) as Contact),
      };
    },

    saveSession(id: string, session: Session, now: number): void {
      db.update(simulations).set({ session: JSON.stringify(session), updatedAt: now }).where(eq(simulations.id, id)).run();
    },
  };
}

export type SimulationStore = ReturnType<typeof createSimulationStore>;
