import { and, eq, sql } from 'drizzle-orm';
import type { FlowDocument, NodeOf } from '../../schema/index.ts';
import type { CharlaDatabase } from '../db/database.ts';
import type { metaFlows as metaFlowsTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { contentHash } from '../flows/content-hash.ts';
import { GraphApiError, type FlowValidationError, type GraphManagementClient } from '../whatsapp/graph-management.ts';

/** Where a version's forms go: a WhatsApp Business Account and a token allowed to manage it. */
export interface MetaTarget {
  wabaId: string;
  accessToken: string;
}

export type MetaFlowStatus = (typeof metaFlowsTable.$inferSelect)['status'];

/** A form node's WhatsApp Flow at Meta, as the editor shows it. */
export interface MetaFlowSummary {
  version: number;
  wabaId: string;
  nodeId: string;
  metaFlowId: string;
  status: MetaFlowStatus;
  validationErrors: FlowValidationError[];
  updatedAt: number;
}

/** The form nodes Charla registers with Meta: those without a hand-registered `flowId`. */
function formsToRegister(document: FlowDocument): Array<NodeOf<'form'>> {
  return document.nodes.filter((node): node is NodeOf<'form'> => node.type === 'form' && node.data.flowId === undefined);
}

/** Whether serving this document on a number needs Meta Flows on its WABA. */
export function hasFormsToRegister(document: FlowDocument): boolean {
  return formsToRegister(document).length > 0;
}

/**
 * The WhatsApp Flows behind the form nodes of published versions, per WABA (docs/whatsapp.md §4):
 * before a version serves a number each of its forms is created at Meta, its Flow JSON uploaded
 * and published; the live path sends forms by the stored `flow_id`; Flows of versions no
 * conversation runs any more are deprecated.
 * @example await metaFlows.publishForms('pizzeria', 3, document, { wabaId, accessToken }, Date.now());
 */
export function createMetaFlows(database: CharlaDatabase, graph: GraphManagementClient, tokenOf: (phoneNumberId: string) => Promise<string | undefined>) {
  const { db, tables: { metaFlows, channels, flows } } = database;
  const key = sql.placeholder;
  const published = database.prepared(db.select({ nodeId: metaFlows.nodeId, metaFlowId: metaFlows.metaFlowId }).from(metaFlows)
    .where(and(eq(metaFlows.flowId, key('flowId')), eq(metaFlows.version, key('version')), eq(metaFlows.wabaId, key('wabaId')),
      eq(metaFlows.status, 'PUBLISHED'))), 'meta_flows_published');
  const one = async (flowId: string, version: number, wabaId: string, nodeId: string) => (await db.select().from(metaFlows)
    .where(and(eq(metaFlows.flowId, flowId), eq(metaFlows.version, version), eq(metaFlows.wabaId, wabaId), eq(metaFlows.nodeId, nodeId))))[0];

  async function store(row: typeof metaFlows.$inferInsert): Promise<void> {
    const { flowId, version, wabaId, nodeId, createdAt, ...changes } = row;
    await db.insert(metaFlows).values(row)
      .onConflictDoUpdate({ target: [metaFlows.flowId, metaFlows.version, metaFlows.wabaId, metaFlows.nodeId], set: changes });
  }

  /** The WABAs of the numbers bound to a flow (or to any flow), each with its number's token, else the default one. */
  async function boundNumbers(flowId?: string) {
    const rows = await db.select({ phoneNumberId: channels.phoneNumberId, wabaId: channels.wabaId }).from(channels)
      .where(flowId === undefined ? undefined : eq(channels.flowId, flowId));
    return Promise.all(rows.map(async (row) => ({ ...row, accessToken: await tokenOf(row.phoneNumberId) })));
  }

  /** Creates, uploads and publishes one form; throws a coded AppError naming the node when Meta refuses. */
  async function publishForm(flowId: string, version: number, node: NodeOf<'form'>, target: MetaTarget, now: number): Promise<void> {
    const { wabaId, accessToken } = target;
    const formHash = contentHash({ flowJson: node.data.flowJson, endpointUri: node.data.endpointUri ?? null });
    const stored = await one(flowId, version, wabaId, node.id);
    if (stored?.formHash === formHash && stored.status === 'PUBLISHED') return;
    try {
      // A DRAFT of this very form (its upload was refused before) is uploaded again; anything else is a new Meta Flow.
      let metaFlowId = stored?.formHash === formHash && stored.status === 'DRAFT' ? stored.metaFlowId : undefined;
      if (metaFlowId === undefined) {
        const name = `${flowId}-v${version}-${node.id}-${formHash.slice(0, 8)}`;
        metaFlowId = (await graph.createFlow(wabaId, accessToken, { name, ...(node.data.endpointUri ? { endpointUri: node.data.endpointUri } : {}) })).id;
        await store({ flowId, version, wabaId, nodeId: node.id, metaFlowId, formHash, status: 'DRAFT', validationErrors: null, createdAt: now, updatedAt: now });
      }
      const validationErrors = await graph.uploadFlowJson(metaFlowId, accessToken, node.data.flowJson);
      if (validationErrors.length > 0) {
        await store({ flowId, version, wabaId, nodeId: node.id, metaFlowId, formHash, status: 'DRAFT', validationErrors: JSON.stringify(validationErrors), createdAt: now, updatedAt: now });
        throw new AppError('meta_flow_invalid', `Meta refused the form of node "${node.id}": ${validationErrors.map((error) => error.message).join('; ')}`,
          { nodeId: node.id, validationErrors });
      }
      await graph.publishFlow(metaFlowId, accessToken);
      await store({ flowId, version, wabaId, nodeId: node.id, metaFlowId, formHash, status: 'PUBLISHED', validationErrors: null, createdAt: now, updatedAt: now });
    } catch (error) {
      if (!(error instanceof GraphApiError)) throw error;
      throw new AppError('whatsapp_api_failed', `Meta refused publishing the form of node "${node.id}" on WhatsApp Business Account ${wabaId}: ${error.message}`,
        { nodeId: node.id, graphCode: error.code });
    }
  }

  return {
    /**
     * The WABAs of the numbers serving a flow, each with a token of one of its numbers. A number without a
     * WABA cannot serve a flow with forms: 422 channel_waba_missing naming it.
     */
    async targetsServing(flowId: string, document: FlowDocument): Promise<MetaTarget[]> {
      if (!hasFormsToRegister(document)) return [];
      const targets = new Map<string, MetaTarget>();
      for (const channel of await boundNumbers(flowId)) {
        const { phoneNumberId } = channel;
        if (channel.wabaId === null) {
          throw new AppError('channel_waba_missing', `Number ${phoneNumberId} serves "${flowId}", whose forms must be published on its WhatsApp Business Account: bind it with its wabaId`);
        }
        if (channel.accessToken !== undefined) targets.set(channel.wabaId, { wabaId: channel.wabaId, accessToken: channel.accessToken });
      }
      return [...targets.values()];
    },

    /** Makes every form of the version a published Meta Flow on the target's WABA (those already published are kept). */
    async publishForms(flowId: string, version: number, document: FlowDocument, target: MetaTarget, now: number): Promise<void> {
      for (const node of formsToRegister(document)) await publishForm(flowId, version, node, target, now);
    },

    /** The published Meta Flow id of each form node of a version on a WABA, by node id. */
    async formIds(flowId: string, version: number, wabaId: string): Promise<Map<string, string>> {
      return new Map((await published({ flowId, version, wabaId })).map((row) => [row.nodeId, row.metaFlowId]));
    },

    async list(flowId: string): Promise<MetaFlowSummary[]> {
      return (await db.select().from(metaFlows).where(eq(metaFlows.flowId, flowId))
        .orderBy(metaFlows.version, metaFlows.wabaId, metaFlows.nodeId))
        .map((row) => ({
          version: row.version, wabaId: row.wabaId, nodeId: row.nodeId, metaFlowId: row.metaFlowId, status: row.status,
          validationErrors: row.validationErrors === null ? [] : JSON.parse(row.validationErrors) as FlowValidationError[],
          updatedAt: row.updatedAt,
        }));
    },

    /**
     * Deprecates the published Meta Flows of the flow's versions neither live nor in `inUse` (versions
     * conversations still run). A WABA no number holds a token for is skipped; returns how many were deprecated.
     */
    async deprecateUnused(flowId: string, inUse: Set<number>, now: number): Promise<number> {
      const keep = new Set(inUse);
      const [flow] = await db.select({ liveVersion: flows.liveVersion }).from(flows).where(eq(flows.id, flowId));
      if (flow?.liveVersion != null) keep.add(flow.liveVersion);
      const tokens = new Map((await boundNumbers())
        .filter((channel) => channel.wabaId !== null && channel.accessToken !== undefined)
        .map((channel) => [channel.wabaId!, channel.accessToken!]));
      const candidates = (await db.select().from(metaFlows).where(and(eq(metaFlows.flowId, flowId), eq(metaFlows.status, 'PUBLISHED'))))
        .filter((row) => !keep.has(row.version));
      let deprecated = 0;
      for (const row of candidates) {
        const token = tokens.get(row.wabaId);
        if (token === undefined) continue;
        await graph.deprecateFlow(row.metaFlowId, token);
        await db.update(metaFlows).set({ status: 'DEPRECATED', updatedAt: now }).where(and(eq(metaFlows.flowId, flowId),
          eq(metaFlows.version, row.version), eq(metaFlows.wabaId, row.wabaId), eq(metaFlows.nodeId, row.nodeId)));
        deprecated += 1;
      }
      return deprecated;
    },

    /** The flows with published Meta Flows, for the periodic sweep. */
    async flowsWithPublished(): Promise<string[]> {
      return (await db.selectDistinct({ flowId: metaFlows.flowId }).from(metaFlows).where(eq(metaFlows.status, 'PUBLISHED'))).map((row) => row.flowId);
    },
  };
}

export type MetaFlows = ReturnType<typeof createMetaFlows>;
