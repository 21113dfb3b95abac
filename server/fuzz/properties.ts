import fc from 'fast-check';
import type { FlowDocument } from '../../schema/index.ts';
import { APP_SECRET, PHONE_NUMBER_ID, pizzeria, type LiveTestApp } from '../testing/live-test-app.ts';
import { signedHeaders, textWebhook } from '../testing/webhook-body.ts';

/** What one fuzz case found: the HTTP status, and whether a refused request left something stored. */
export interface FuzzOutcome {
  status: number;
  storedFromRefused: boolean;
}

const count = (t: LiveTestApp, table: string) => t.rows<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]!.n;

/** Any JSON value, deep and wide, including values of the keys a webhook has. */
const jsonValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(PHONE_NUMBER_ID, 'messages', 'statuses', 'text')),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('entry', 'changes', 'value', 'messages', 'statuses', 'metadata', 'phone_number_id', 'id', 'from', 'type', 'text', 'body', 'timestamp')), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** A real webhook body with one field somewhere replaced by anything. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const replaced = mutate(child, path.slice(1), replacement);
  if (Array.isArray(value)) return value.map((item, index) => (index === key ? replaced : item));
  return { ...value, [key]: replaced };
}

const webhookBody = fc.oneof(
  jsonValue.map((value) => JSON.stringify(value) ?? 'null'),
  fc.record({ path: fc.array(fc.nat(), { maxLength: 8 }), replacement: jsonValue, wamid: fc.uuid() }).map(({ path, replacement, wamid }) => {
    const base = JSON.parse(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: '5491155550123', wamid: `wamid.${wamid}`, text: 'hola' })) as unknown;
    return JSON.stringify(mutate(base, path, replacement)) ?? 'null';
  }),
  fc.string(),
);

/** Webhook bodies signed with the app secret, or not (a wrong secret, or no header). */
export const webhookCase = fc.record({ body: webhookBody, signing: fc.constantFrom('valid', 'wrong', 'none') });

export async function runWebhookCase(t: LiveTestApp, input: { body: string; signing: string }): Promise<FuzzOutcome> {
  const before = count(t, 'inbound_messages') + count(t, 'message_statuses');
  const headers = input.signing === 'valid' ? signedHeaders(input.body, APP_SECRET)
    : input.signing === 'wrong' ? signedHeaders(input.body, 'not-the-secret') : { 'content-type': 'application/json' };
  const response = await t.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers, payload: input.body });
  const refused = response.statusCode >= 400;
  return { status: response.statusCode, storedFromRefused: refused && count(t, 'inbound_messages') + count(t, 'message_statuses') !== before };
}

/** Flow documents: the pizzería with one field somewhere replaced by anything. */
export const flowCase = fc.record({ path: fc.array(fc.nat(), { maxLength: 8 }), replacement: jsonValue });

export async function runFlowCase(t: LiveTestApp, input: { path: number[]; replacement: unknown }): Promise<FuzzOutcome> {
  const auth = t.auth();
  const current = (await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria', headers: auth })).json() as { revision: number; document: FlowDocument };
  const document = mutate(pizzeria(), input.path, input.replacement);
  const put = await t.app.inject({ method: 'PUT', url: '/api/flows/pizzeria', headers: auth, payload: { document, revision: current.revision } });
  const after = await t.app.inject({ method: 'GET', url: '/api/flows/pizzeria', headers: auth });
  const revision = (after.json() as { revision?: number }).revision;
  const refused = put.statusCode >= 400;
  return {
    status: Math.max(put.statusCode, after.statusCode),
    storedFromRefused: refused && revision !== current.revision,
  };
}
