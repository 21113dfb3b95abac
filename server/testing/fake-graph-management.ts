import type { IncomingMessage } from 'node:http';
import { operationOracle } from '../../runtime/whatsapp/testdata/oracle.ts';
import type { FlowValidationError, GraphTemplate } from '../whatsapp/graph-management.ts';

/** A WhatsApp Flow as the fake Meta keeps it. */
export interface FakeMetaFlow {
  id: string;
  wabaId: string;
  name: string;
  categories: string[];
  endpointUri?: string;
  status: 'DRAFT' | 'PUBLISHED' | 'DEPRECATED';
  flowJson?: Record<string, unknown>;
  validationErrors: FlowValidationError[];
}

/** A management call as received: method, path (without the query) and its multipart fields. */
export interface FakeManagementCall {
  method: string;
  path: string;
  fields: Record<string, string>;
}

type Answer = { status: number; body: unknown };

const CATEGORIES = ['SIGN_UP', 'SIGN_IN', 'APPOINTMENT_BOOKING', 'LEAD_GENERATION', 'CONTACT_US', 'CUSTOMER_SUPPORT', 'SURVEY', 'OTHER'];
const PUBLISHABLE_VERSIONS = ['5.1', '6.0', '6.1', '6.2', '6.3', '7.0', '7.1', '7.2', '7.3'];
const DATA_BINDING = /\$\{data\.([A-Za-z0-9_]+)\}/g;

const invalid = (message: string): Answer => ({ status: 400, body: { error: { message: `(#100) ${message}`, type: 'OAuthException', code: 100, fbtrace_id: 'fake' } } });
const flowState = (message: string): Answer => ({ status: 400, body: { error: { message: `(#139001) ${message}`, type: 'OAuthException', code: 139001, error_user_msg: message, fbtrace_id: 'fake' } } });

/**
 * The WhatsApp Business Management endpoints of the fake Graph API: Flows (create, upload the Flow
 * JSON, publish, deprecate, read) and message templates (listed in pages). Requests are checked
 * against Meta's description (`whatsapp-cloud-api.paths.json`: multipart fields it does not list are
 * refused) and against Meta's rules for each step; every 200 answer is checked against the documented
 * response schema before it goes out.
 */
export function createFakeManagement() {
  const flows = new Map<string, FakeMetaFlow>();
  const templates = new Map<string, GraphTemplate[]>();
  const calls: FakeManagementCall[] = [];
  let sequence = 0;

  function ok(path: string, method: 'get' | 'post', body: unknown): Answer {
    const { response } = operationOracle(path, method);
    if (!response(body)) throw new Error(`the fake's answer to ${method} ${path} breaks Meta's schema: ${JSON.stringify(response.errors)}`);
    return { status: 200, body };
  }

  async function fieldsOf(request: IncomingMessage, raw: Buffer, oraclePath: string): Promise<Record<string, string | Blob> | Answer> {
    if (raw.length === 0) return {};
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': request.headers['content-type'] ?? '' }, body: new Uint8Array(raw) })
      .formData().catch(() => undefined);
    if (!form) return invalid('The request body is not multipart/form-data');
    const allowed = operationOracle(oraclePath, 'post').formFields;
    const fields: Record<string, string | Blob> = {};
    for (const [name, value] of form) {
      if (!allowed.includes(name)) return invalid(`Unknown parameter "${name}"`);
      fields[name] = value;
    }
    return fields;
  }

  /** Meta's own checks of an uploaded Flow JSON that Charla's validation does not repeat. */
  function validate(flow: FakeMetaFlow, flowJson: Record<string, unknown>): FlowValidationError[] {
    const errors: FlowValidationError[] = [];
    if (!PUBLISHABLE_VERSIONS.includes(String(flowJson.version))) {
      errors.push({ error: 'INVALID_VERSION', error_type: 'FLOW_JSON_ERROR', message: `Flow JSON version "${String(flowJson.version)}" is not supported.` });
    }
    const screens = Array.isArray(flowJson.screens) ? flowJson.screens as Array<Record<string, unknown>> : [];
    screens.forEach((screen, index) => {
      const declared = Object.keys((screen.data as Record<string, unknown> | undefined) ?? {});
      const text = JSON.stringify(screen.layout ?? {});
      for (const [, name] of text.matchAll(DATA_BINDING)) {
        if (!declared.includes(name!)) {
          errors.push({ error: 'MISSING_DATA_DECLARATION', error_type: 'FLOW_JSON_ERROR', message: `Missing data declaration for "\${data.${name}}" at "$root/screens/${index}".` });
        }
      }
      if (text.includes('"data_exchange"') && flow.endpointUri === undefined) {
        errors.push({ error: 'INVALID_ACTION', error_type: 'FLOW_JSON_ERROR', message: `"data_exchange" at "$root/screens/${index}" needs the Flow's endpoint_uri.` });
      }
    });
    return errors;
  }

  async function answer(request: IncomingMessage, raw: Buffer, path: string, query: URLSearchParams): Promise<Answer | undefined> {
    const method = request.method ?? 'GET';
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    const [id, edge] = segments;
    if (segments.length === 2 && edge === 'flows' && method === 'POST') {
      const fields = await fieldsOf(request, raw, '/{Version}/{WABA-ID}/flows');
      if ('status' in fields) return fields as Answer;
      calls.push({ method, path, fields: textFields(fields) });
      const name = fields.name;
      if (typeof name !== 'string' || name === '') return invalid('The parameter name is required');
      let categories: unknown;
      try {
        categories = JSON.parse(String(fields.categories ?? ''));
      } catch {
        return invalid('categories must be a JSON array');
      }
      if (!Array.isArray(categories) || categories.length === 0 || categories.some((category) => !CATEGORIES.includes(category as string))) {
        return invalid(`categories must be a JSON array of ${CATEGORIES.join(', ')}`);
      }
      if ([...flows.values()].some((flow) => flow.wabaId === id && flow.name === name)) return invalid(`A Flow named "${name}" already exists`);
      const flow: FakeMetaFlow = {
        id: String(9_000_000_000_000 + ++sequence), wabaId: id!, name, categories: categories as string[], status: 'DRAFT', validationErrors: [],
        ...(typeof fields.endpoint_uri === 'string' ? { endpointUri: fields.endpoint_uri } : {}),
      };
      flows.set(flow.id, flow);
      return ok('/{Version}/{WABA-ID}/flows', 'post', { id: flow.id });
    }
    if (segments.length === 2 && edge === 'message_templates' && method === 'GET') {
      calls.push({ method, path, fields: {} });
      const all = templates.get(id!) ?? [];
      const limit = Math.min(Number(query.get('limit') ?? 25), 100);
      const start = Number(Buffer.from(query.get('after') ?? '', 'base64').toString() || 0);
      const page = all.slice(start, start + limit);
      const end = start + page.length;
      const cursors = { before: Buffer.from(String(start)).toString('base64'), after: Buffer.from(String(end)).toString('base64') };
      return ok('/{Version}/{WABA-ID}/message_templates', 'get', {
        data: page, paging: { cursors, ...(end < all.length ? { next: `https://graph.facebook.com/v23.0/${id}/message_templates?after=${cursors.after}` } : {}) },
      });
    }
    const flow = id === undefined ? undefined : flows.get(id);
    if (segments.length === 2 && ['assets', 'publish', 'deprecate'].includes(edge!) && method === 'POST') {
      const fields = edge === 'assets' ? await fieldsOf(request, raw, '/{Version}/{Flow-ID}/assets') : {};
      if ('status' in fields) return fields as Answer;
      calls.push({ method, path, fields: textFields(fields) });
      if (!flow) return invalid(`Unsupported post request. Object with ID '${id}' does not exist`);
      if (edge === 'assets') {
        if (flow.status !== 'DRAFT') return flowState('Only a DRAFT Flow\'s Flow JSON can be updated');
        if (fields.asset_type !== 'FLOW_JSON' || typeof fields.name !== 'string' || !(fields.file instanceof Blob)) {
          return invalid('asset_type FLOW_JSON, name and file are required');
        }
        let flowJson: unknown;
        try {
          flowJson = JSON.parse(await fields.file.text());
        } catch {
          return invalid('The file is not valid JSON');
        }
        if (typeof flowJson !== 'object' || flowJson === null) return invalid('The Flow JSON must be an object');
        flow.flowJson = flowJson as Record<string, unknown>;
        flow.validationErrors = validate(flow, flow.flowJson);
        return ok('/{Version}/{Flow-ID}/assets', 'post', { success: true, validation_errors: flow.validationErrors });
      }
      if (edge === 'publish') {
        if (flow.status !== 'DRAFT' || flow.flowJson === undefined || flow.validationErrors.length > 0) {
          return flowState('Publishing Flow in invalid state: it must be a DRAFT with a Flow JSON without validation errors');
        }
        flow.status = 'PUBLISHED';
        return ok('/{Version}/{Flow-ID}/publish', 'post', { success: true });
      }
      if (flow.status !== 'PUBLISHED') return flowState('Only a published Flow can be deprecated');
      flow.status = 'DEPRECATED';
      return ok('/{Version}/{Flow-ID}/deprecate', 'post', { success: true });
    }
    if (segments.length === 1 && method === 'GET' && flow) {
      calls.push({ method, path, fields: {} });
      return ok('/{Version}/{Flow-ID}', 'get', {
        id: flow.id, name: flow.name, categories: flow.categories, status: flow.status,
        validation_errors: flow.validationErrors, json_version: String(flow.flowJson?.version ?? ''),
      });
    }
    return undefined;
  }

  return {
    answer,
    /** Meta's Flows, by id. */
    flows,
    /** Every management call, in arrival order. */
    calls,
    /** What `GET /{wabaId}/message_templates` lists for a WABA. */
    setTemplates(wabaId: string, list: GraphTemplate[]): void {
      templates.set(wabaId, list);
    },
  };
}

function textFields(fields: Record<string, string | Blob>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, typeof value === 'string' ? value : `<file ${value.type}>`]));
}
