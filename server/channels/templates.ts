import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { validateFlow, type FlowDocument, type Problem, type ProblemLocale, type TemplateRef } from '../../schema/index.ts';
import { renderProblems } from '../../schema/validate/problem-list.ts';
import { findTemplateProblems } from '../../schema/validate/template-checks.ts';
import type { SyncedTemplate } from '../../schema/whatsapp-template.ts';
import type { CharlaDatabase } from '../db/database.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { AppError } from '../errors.ts';
import { GraphApiError, type GraphManagementClient } from '../whatsapp/graph-management.ts';

/** A WhatsApp Business Account and a token of one of its numbers (none known: undefined). */
export interface WabaTarget {
  wabaId: string;
  accessToken: string | undefined;
}

/** One WABA's sync: how many templates Meta listed, or why it could not be read. */
export interface TemplateSyncResult {
  wabaId: string;
  templates: number;
  error?: string;
}

/**
 * The message templates of the WhatsApp Business Accounts behind the bound numbers, as Meta last
 * listed them (docs/whatsapp.md §3). A sync replaces one WABA's rows in one transaction: a crash or a
 * Meta failure halfway leaves the previous list whole, and two servers syncing at once each write a
 * complete list (the later one wins), so the periodic refresher needs no lock.
 * @example await templates.syncAll(Date.now()); const list = await templates.list(wabaId);
 */
export function createTemplateStore(database: CharlaDatabase, graph: GraphManagementClient, tokenOf: (phoneNumberId: string) => Promise<string | undefined>) {
  const { db, tables: { whatsappTemplates, channels } } = database;

  /** Each WABA of the bound numbers (of one flow, or of the given WABAs) with a token of one of its numbers. */
  async function wabas(filter: { flowId?: string; only?: readonly string[] } = {}): Promise<WabaTarget[]> {
    const rows = await db.select({ phoneNumberId: channels.phoneNumberId, wabaId: channels.wabaId }).from(channels)
      .where(and(isNotNull(channels.wabaId), filter.flowId === undefined ? undefined : eq(channels.flowId, filter.flowId),
        filter.only === undefined ? undefined : inArray(channels.wabaId, [...filter.only])))
      .orderBy(channels.phoneNumberId);
    const found = new Map<string, string | undefined>();
    for (const row of rows) {
      if (found.get(row.wabaId!) !== undefined) continue;
      found.set(row.wabaId!, await tokenOf(row.phoneNumberId));
    }
    return [...found].map(([wabaId, accessToken]) => ({ wabaId, accessToken }));
  }

  async function syncOne(wabaId: string, accessToken: string, now: number): Promise<number> {
    const listed = await graph.listTemplates(wabaId, accessToken);
    // Meta lists a template once per language; a repeated pair would break the primary key.
    const unique = new Map(listed.map((template) => [`${template.name}\u0000${template.language}`, template]));
    await database.transaction(async (tx) => {
      await tx.delete(whatsappTemplates).where(eq(whatsappTemplates.wabaId, wabaId));
      if (unique.size === 0) return;
      await tx.insert(whatsappTemplates).values([...unique.values()].map((template) => ({
        wabaId, name: template.name, language: template.language, templateId: String(template.id),
        category: String(template.category ?? ''), status: String(template.status ?? ''),
        components: JSON.stringify(Array.isArray(template.components) ? template.components : []), fetchedAt: now,
      })));
    });
    return unique.size;
  }

  return {
    /**
     * Reads every template of the given WABAs (default: every WABA a number is bound with) from Meta.
     * One WABA's failure is reported in its result and leaves its previous list; the others go on.
     */
    async syncAll(now: number, only?: readonly string[]): Promise<TemplateSyncResult[]> {
      const results: TemplateSyncResult[] = [];
      for (const { wabaId, accessToken } of await wabas(only === undefined ? {} : { only })) {
        if (accessToken === undefined) {
          results.push({ wabaId, templates: 0, error: 'no access token for any number of this WhatsApp Business Account' });
          continue;
        }
        try {
          results.push({ wabaId, templates: await syncOne(wabaId, accessToken, now) });
        } catch (error) {
          if (!(error instanceof GraphApiError)) throw error;
          results.push({ wabaId, templates: 0, error: error.message });
        }
      }
      return results;
    },

    /** Reads one WABA's templates from Meta now; a refusal is a coded 502 naming Meta's error. */
    async sync(wabaId: string, accessToken: string, now: number): Promise<number> {
      try {
        return await syncOne(wabaId, accessToken, now);
      } catch (error) {
        if (!(error instanceof GraphApiError)) throw error;
        throw new AppError('whatsapp_api_failed', `Meta refused listing the templates of WhatsApp Business Account ${wabaId}: ${error.message}`, { graphCode: error.code });
      }
    },

    /**
     * Refuses (422 templates_invalid, `problems` at each node and field) a document whose templates are
     * missing, not approved or have other parameters on any of `wabaIds` (docs/templates.md §3). A WABA
     * never read is read from Meta first; one that cannot be read is not checked (the periodic refresh
     * and the next publish try again).
     */
    async requireValidTemplates(document: FlowDocument, targets: readonly WabaTarget[], locale: ProblemLocale, now: number): Promise<void> {
      if (!sendsTemplates(document) || targets.length === 0) return;
      const problems = new Map<string, Problem>();
      for (const { wabaId, accessToken } of targets) {
        let templates = await this.list(wabaId);
        if (templates.length === 0) {
          if (accessToken === undefined) continue;
          try {
            await syncOne(wabaId, accessToken, now);
          } catch (error) {
            if (error instanceof GraphApiError) continue;
            throw error;
          }
          templates = await this.list(wabaId);
        }
        for (const problem of validateFlow(document, { locale, templates }).problems) {
          if (problem.code.startsWith('template_')) problems.set(`${problem.code} ${problem.pointer}`, problem);
        }
      }
      if (problems.size > 0) {
        throw new AppError('templates_invalid', `The flow's templates do not hold on WhatsApp Business Account ${targets.map((target) => target.wabaId).join(', ')}: ${[...problems.values()].map((problem) => problem.message).join(' ')}`,
          { problems: [...problems.values()] });
      }
    },

    /**
     * Refuses (422 start_template_invalid, `problems` at `/template/…`) a template that cannot start a
     * conversation from the number: missing on its WABA, not in that language, not approved at Meta, or other
     * parameters (docs/templates.md §3). A WABA never read is read from Meta first; a number without a WABA is refused.
     */
    async requireSendable(template: TemplateRef, phoneNumberId: string, locale: ProblemLocale, now: number): Promise<void> {
      const [channel] = await db.select({ wabaId: channels.wabaId }).from(channels).where(eq(channels.phoneNumberId, phoneNumberId));
      const wabaId = channel?.wabaId;
      if (wabaId == null) {
        throw new AppError('channel_waba_missing', `Number ${phoneNumberId} has no wabaId: the templates of its WhatsApp Business Account cannot be checked before starting a conversation`);
      }
      let templates = await this.list(wabaId);
      if (templates.length === 0) {
        const accessToken = await tokenOf(phoneNumberId);
        try {
          if (accessToken !== undefined) await this.sync(wabaId, accessToken, now);
        } catch (error) {
          // Another request read the same WABA at the same moment and stored its list first.
          if (!isUniqueViolation(error)) throw error;
        }
        templates = await this.list(wabaId);
      }
      const problems = renderProblems(findTemplateProblems(template, templates, '/template'), locale);
      if (problems.length > 0) {
        throw new AppError('start_template_invalid', `Template "${template.name}" (${template.language}) cannot start a conversation from number ${phoneNumberId} (WhatsApp Business Account ${wabaId}): ${problems.map((problem) => problem.message).join(' ')}`,
          { problems });
      }
    },

    /** The WABAs of the numbers bound to a flow, each with a token: where its templates must hold. */
    wabasServing(flowId: string): Promise<WabaTarget[]> {
      return wabas({ flowId });
    },

    /** The stored templates, of one WABA or of all, by WABA, name and language. */
    async list(wabaId?: string): Promise<SyncedTemplate[]> {
      const rows = await db.select().from(whatsappTemplates)
        .where(wabaId === undefined ? undefined : eq(whatsappTemplates.wabaId, wabaId))
        .orderBy(whatsappTemplates.wabaId, whatsappTemplates.name, whatsappTemplates.language);
      return rows.map((row) => ({
        wabaId: row.wabaId, name: row.name, language: row.language, category: row.category, status: row.status,
        components: JSON.parse(row.components) as Array<Record<string, unknown>>, fetchedAt: row.fetchedAt,
      }));
    },
  };
}

/** Whether a document sends templates: a `template` node or a fallback template. */
function sendsTemplates(document: FlowDocument): boolean {
  return document.settings?.fallbackTemplate !== undefined || document.nodes.some((node) => node.type === 'template');
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;
