import { eq, inArray, isNotNull } from 'drizzle-orm';
import type { SyncedTemplate } from '../../schema/whatsapp-template.ts';
import type { CharlaDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { GraphApiError, type GraphManagementClient } from '../whatsapp/graph-management.ts';

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

  /** Each WABA of a bound number with a token of one of its numbers (the first that has one). */
  async function wabas(only?: readonly string[]): Promise<Array<{ wabaId: string; accessToken: string | undefined }>> {
    const rows = await db.select({ phoneNumberId: channels.phoneNumberId, wabaId: channels.wabaId }).from(channels)
      .where(only === undefined ? isNotNull(channels.wabaId) : inArray(channels.wabaId, [...only]))
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
      for (const { wabaId, accessToken } of await wabas(only)) {
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

export type TemplateStore = ReturnType<typeof createTemplateStore>;
