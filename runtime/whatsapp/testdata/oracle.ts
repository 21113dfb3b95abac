import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Meta's JSON Schema of the Graph API (whatsapp-cloud-api.components.json, a copy of Meta's OpenAPI description), patched where v23.0
 * is behind Meta's current documentation: a template button's `index` pattern `^[2-6, 11-14]$` refused
 * Meta's own example "0", it is `^[0-9]$`; a message is addressed by `to` (phone) or `recipient` (a
 * business-scoped user id, "Business-scoped user IDs", 2026); mark-as-read takes `typing_indicator`; interactive
 * messages may be `cta_url` (`action: { name: "cta_url", parameters: { display_text ≤ 20, url } }`) and
 * `location_request_message` (`action: { name: "send_location" }`), as Meta's "Interactive CTA URL button
 * messages" and "Location request messages" pages describe.
 * For tests: `oracle('Message')` checks a send body, `oracle('MarkMessageRequestPayload')` a read
 * receipt, `oracle('WebhookPayload')` a webhook.
 */
const ORACLE_FILE = fileURLToPath(new URL('./whatsapp-cloud-api.components.json', import.meta.url));
export const PAYLOADS_DIR = fileURLToPath(new URL('./payloads/', import.meta.url));

const cache = new Map<string, ValidateFunction>();

export function oracle(schemaName: 'Message' | 'MarkMessageRequestPayload' | 'WebhookPayload'): ValidateFunction {
  let validate = cache.get(schemaName);
  if (validate === undefined) {
    const components = JSON.parse(readFileSync(ORACLE_FILE, 'utf8')) as unknown;
    // Meta's schema uses OpenAPI keywords and formats ajv does not know: not strict.
    const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
    addFormats(ajv);
    ajv.addFormat('float', true);
    ajv.addFormat('url', /^https?:\/\/\S+$/);
    validate = ajv.compile({ components, $ref: `#/components/schemas/${schemaName}` });
    cache.set(schemaName, validate);
  }
  return validate;
}

/** Every sample webhook body, by file name without `.json`. */
export function samplePayloads(): Array<{ name: string; body: unknown }> {
  return readdirSync(PAYLOADS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name: name.slice(0, -5), body: JSON.parse(readFileSync(join(PAYLOADS_DIR, name), 'utf8')) as unknown }));
}

const PATHS_FILE = fileURLToPath(new URL('./whatsapp-cloud-api.paths.json', import.meta.url));

/** An operation of the WhatsApp Business Management API, as `whatsapp-cloud-api.paths.json` describes it. */
export interface OperationOracle {
  /** The multipart form fields the request may carry (empty when it has no body). */
  formFields: string[];
  /** Checks a 200 answer against the documented response schema. */
  response: ValidateFunction;
}

const operations = new Map<string, OperationOracle>();

/**
 * Meta's description of a Flows or templates endpoint (whatsapp-cloud-api.paths.json, Meta's paths, trimmed
 * to those): `operationOracle('/{Version}/{Flow-ID}/assets', 'post')`.
 */
export function operationOracle(path: string, method: 'get' | 'post'): OperationOracle {
  const key = `${method} ${path}`;
  let found = operations.get(key);
  if (found === undefined) {
    const { paths } = JSON.parse(readFileSync(PATHS_FILE, 'utf8')) as { paths: Record<string, Record<string, OpenApiOperation>> };
    const operation = paths[path]?.[method];
    if (!operation) throw new Error(`The oracle has no ${method.toUpperCase()} ${path}`);
    const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
    found = {
      formFields: Object.keys(operation.requestBody?.content['multipart/form-data']?.schema.properties ?? {}),
      response: ajv.compile(operation.responses['200']!.content['application/json']!.schema),
    };
    operations.set(key, found);
  }
  return found;
}

interface OpenApiOperation {
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, { content: Record<string, { schema: object }> }>;
}
