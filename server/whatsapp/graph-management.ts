import { fetch, FormData } from 'undici';

/** A Graph API refusal (Meta's `error` object) or a network failure (`code` null). */
export class GraphApiError extends Error {
  override name = 'GraphApiError';

  constructor(readonly code: number | null, readonly httpStatus: number | null, message: string) {
    super(message);
  }
}

/** One problem Meta found in an uploaded Flow JSON (the `validation_errors` of `/{Flow-ID}/assets`). */
export interface FlowValidationError {
  error: string;
  error_type?: string;
  message: string;
  line_start?: number;
  line_end?: number;
  column_start?: number;
  column_end?: number;
}

/** A message template as `GET /{WABA-ID}/message_templates` lists it. */
export interface GraphTemplate {
  id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  components: Array<Record<string, unknown>>;
}

/** How many templates a page asks for; Meta pages the list with `paging.cursors.after`. */
const TEMPLATE_PAGE_SIZE = 100;
/** A WABA holds at most a few thousand templates: a list longer than this many pages is a paging loop. */
const MAX_TEMPLATE_PAGES = 100;

/**
 * The WhatsApp Business Management calls Charla makes besides sending: WhatsApp Flows (create,
 * upload the Flow JSON, publish, deprecate) and listing message templates. `graphUrl` includes the
 * version (`https://graph.facebook.com/v23.0`). Throws GraphApiError for every refusal.
 * @example const { id } = await graph.createFlow('102290129340398', token, { name: 'pizzeria-v3-envio' });
 */
export class GraphManagementClient {
  constructor(private readonly graphUrl: string, private readonly timeoutMs: number) {}

  /** `POST /{WABA-ID}/flows`: a new Flow in DRAFT, with the data endpoint its `data_exchange` actions call. */
  async createFlow(wabaId: string, token: string, flow: { name: string; endpointUri?: string }): Promise<{ id: string }> {
    const form = new FormData();
    form.set('name', flow.name);
    form.set('categories', JSON.stringify(['OTHER']));
    if (flow.endpointUri !== undefined) form.set('endpoint_uri', flow.endpointUri);
    const answer = await this.call('POST', `${segment(wabaId)}/flows`, token, form) as { id?: unknown };
    if (typeof answer.id !== 'string') throw new GraphApiError(null, 200, 'Meta created the Flow without answering its id');
    return { id: answer.id };
  }

  /** `POST /{Flow-ID}/assets`: uploads the Flow JSON; Meta answers the problems it found in it. */
  async uploadFlowJson(metaFlowId: string, token: string, flowJson: unknown): Promise<FlowValidationError[]> {
    const form = new FormData();
    form.set('name', 'flow.json');
    form.set('asset_type', 'FLOW_JSON');
    form.set('file', new Blob([JSON.stringify(flowJson)], { type: 'application/json' }), 'flow.json');
    const answer = await this.call('POST', `${segment(metaFlowId)}/assets`, token, form) as { validation_errors?: unknown };
    return Array.isArray(answer.validation_errors) ? answer.validation_errors as FlowValidationError[] : [];
  }

  /** `POST /{Flow-ID}/publish`: irreversible; the Flow and its Flow JSON become immutable. */
  async publishFlow(metaFlowId: string, token: string): Promise<void> {
    await this.call('POST', `${segment(metaFlowId)}/publish`, token);
  }

  /** `POST /{Flow-ID}/deprecate`: the published Flow can no longer be sent or opened. */
  async deprecateFlow(metaFlowId: string, token: string): Promise<void> {
    await this.call('POST', `${segment(metaFlowId)}/deprecate`, token);
  }

  /** Every template of the WABA, following `paging.cursors.after` while Meta says there is a next page. */
  async listTemplates(wabaId: string, token: string): Promise<GraphTemplate[]> {
    const templates: GraphTemplate[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_TEMPLATE_PAGES; page += 1) {
      const query = new URLSearchParams({ fields: 'id,name,language,category,status,components', limit: String(TEMPLATE_PAGE_SIZE) });
      if (after !== undefined) query.set('after', after);
      const answer = await this.call('GET', `${segment(wabaId)}/message_templates?${query}`, token) as {
        data?: unknown; paging?: { cursors?: { after?: unknown }; next?: unknown };
      };
      if (!Array.isArray(answer.data)) throw new GraphApiError(null, 200, 'Meta listed the templates without `data`');
      templates.push(...(answer.data as GraphTemplate[]));
      const next = answer.paging?.cursors?.after;
      if (typeof answer.paging?.next !== 'string' || typeof next !== 'string') return templates;
      after = next;
    }
    throw new GraphApiError(null, 200, `Meta kept paging the templates past ${MAX_TEMPLATE_PAGES} pages`);
  }

  private async call(method: 'GET' | 'POST', path: string, token: string, body?: FormData): Promise<unknown> {
    let response;
    try {
      response = await fetch(`${this.graphUrl}/${path}`, {
        method, headers: { authorization: `Bearer ${token}` }, body, signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new GraphApiError(null, null, `network: ${(error as Error).message}`);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (response.ok && typeof json === 'object' && json !== null) return json;
    const error = (json as { error?: { code?: unknown; message?: unknown; error_user_msg?: unknown } } | undefined)?.error;
    const message = [error?.message, error?.error_user_msg].filter((part) => typeof part === 'string').join(': ');
    throw new GraphApiError(typeof error?.code === 'number' ? error.code : null, response.status, message || `HTTP ${response.status}`);
  }
}

function segment(id: string): string {
  return encodeURIComponent(id);
}
