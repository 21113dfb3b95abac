import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { FLOW_LIMITS } from '../flow-limits.ts';

/**
 * Every coded error the server answers with, and its HTTP status. Responses are
 * `{ code, message, ...details }` (ErrorBody). Every coded error of every route is added here, not in the plugins.
 */
export const errorCatalogue = {
  // 400: the request itself is malformed
  bad_request: { status: 400, message: 'The request is malformed' },
  malformed_json: { status: 400, message: 'The body is not valid JSON' },
  id_mismatch: { status: 400, message: 'The document id does not match the URL' },
  not_a_webhook: { status: 400, message: 'The body is not a WhatsApp webhook (no entry[])' },
  // 401 / 403: who is asking
  missing_token: { status: 401, message: 'Sign in: send `Authorization: Bearer <token>`' },
  invalid_token: { status: 401, message: 'The bearer token is not valid' },
  forbidden: { status: 403, message: 'Your role may not do this' },
  invalid_signature: { status: 401, message: 'X-Hub-Signature-256 is missing or does not match the body' },
  verification_failed: { status: 403, message: 'hub.mode must be subscribe and hub.verify_token a configured verify token' },
  // 404
  route_not_found: { status: 404, message: 'No such route' },
  flow_not_found: { status: 404, message: 'No flow with this id' },
  version_not_found: { status: 404, message: 'No version with this number' },
  simulation_not_found: { status: 404, message: 'No simulation with this id' },
  token_not_found: { status: 404, message: 'No token with this id' },
  conversation_not_found: { status: 404, message: 'No conversation with this id' },
  channel_not_found: { status: 404, message: 'No WhatsApp channel for this number' },
  node_not_found: { status: 404, message: 'The flow has no node with this id' },
  // 409: the state changed under the caller
  flow_exists: { status: 409, message: 'A flow with this id already exists' },
  revision_conflict: { status: 409, message: 'The draft changed since you loaded it' },
  flow_published: { status: 409, message: 'Published flows keep their version history and cannot be deleted' },
  flow_not_published: { status: 409, message: 'The flow has no published version yet' },
  draft_unchanged: { status: 409, message: 'The draft is the same as the live version: there is nothing new to publish' },
  simulation_not_in_handoff: { status: 409, message: 'The simulated conversation is not waiting for an agent' },
  conversation_not_in_handoff: { status: 409, message: 'The conversation is not waiting for an agent' },
  conversation_not_with_bot: { status: 409, message: 'Only a conversation the bot is running can be taken over' },
  conversation_in_progress: { status: 409, message: 'The contact is in a conversation on this number; start one once it has ended' },
  idempotency_key_reused: { status: 409, message: 'This Idempotency-Key was already used with another request' },
  // 413 / 415
  payload_too_large: { status: 413, message: 'The body is too large' },
  flow_too_large: { status: 413, message: `The flow document is larger than ${FLOW_LIMITS.maxBytes} bytes` },
  unsupported_media_type: { status: 415, message: 'Send JSON with `Content-Type: application/json`' },
  // 422: well-formed but not acceptable
  flow_invalid: { status: 422, message: 'The document breaks the flow JSON Schema' },
  flow_too_deep: { status: 422, message: `The flow document nests deeper than ${FLOW_LIMITS.maxDepth} levels` },
  flow_too_many_nodes: { status: 422, message: `The flow document has more than ${FLOW_LIMITS.maxNodes} nodes` },
  publish_blocked: { status: 422, message: 'The draft has errors; fix them before publishing' },
  channel_access_token_missing: { status: 422, message: 'The number has no access token to reply with: send accessToken or set WHATSAPP_ACCESS_TOKEN' },
  channel_waba_missing: { status: 422, message: 'The flow has forms, which live as WhatsApp Flows on a WhatsApp Business Account: send wabaId' },
  start_template_invalid: { status: 422, message: 'The template cannot start a conversation from this number: it is missing on the number\'s WhatsApp Business Account, not in that language, not approved, or has other parameters; `problems` say which' },
  templates_invalid: { status: 422, message: 'A template the flow sends is missing, not approved or has other parameters on the WhatsApp Business Account of a number serving it; `problems` name each node and field' },
  meta_flow_invalid: { status: 422, message: 'Meta refused a form\'s Flow JSON; `nodeId` names the form node and `validationErrors` are Meta\'s' },
  node_not_api_call: { status: 422, message: 'Only API-call nodes can be tried' },
  node_data_invalid: { status: 422, message: "The node's data has errors; fix them before trying it" },
  // 500 / 502
  internal_error: { status: 500, message: 'Something went wrong on the server' },
  whatsapp_api_failed: { status: 502, message: 'The WhatsApp Business Management API refused or did not answer; `graphCode` is Meta\'s error code' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

type StatusOf<C extends ErrorCode> = (typeof errorCatalogue)[C]['status'];
type CodesWithStatus<C extends ErrorCode, S> = C extends ErrorCode ? (StatusOf<C> extends S ? C : never) : never;

/** The body of every error: `{ code, message, ...details }`; details depend on the code (e.g. `problems`). */
export type ErrorBody<C extends ErrorCode = ErrorCode> = { code: C; message: string } & Record<string, unknown>;

/**
 * The error responses of a route, one schema per status listing the codes it may answer with.
 * @example response: { 200: Flow, ...errorResponses(...SIGNED_IN, 'flow_not_found') } // 401, 403 and 404 schemas
 */
export function errorResponses<const C extends ErrorCode>(...codes: C[]): { [S in StatusOf<C>]: TUnsafe<ErrorBody<CodesWithStatus<C, S>>> } {
  const byStatus = new Map<number, C[]>();
  for (const code of new Set(codes)) {
    const { status } = errorCatalogue[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries([...byStatus].map(([status, codesAtStatus]) => [status, errorBody(codesAtStatus)])) as never;
}

function errorBody(codes: ErrorCode[]): TSchema {
  return Type.Unsafe(Type.Object({
    code: Type.String({ enum: codes }),
    message: Type.String(),
  }, {
    additionalProperties: true,
    description: codes.map((code) => `\`${code}\`: ${errorCatalogue[code].message}`).join('; '),
  }));
}

/** Errors of every route that needs a bearer token: none, a bad one, or a role that may not. */
export const SIGNED_IN = ['missing_token', 'invalid_token', 'forbidden'] as const satisfies readonly ErrorCode[];
/** Errors of every route that reads params, a query or a body: the request breaks its schema (400 with `errors`). */
export const CHECKED_INPUT = ['bad_request'] as const satisfies readonly ErrorCode[];
/** Errors of every route that puts a version in front of a number: its forms are published as WhatsApp Flows and its templates checked first. */
export const META_FLOWS = ['channel_waba_missing', 'meta_flow_invalid', 'templates_invalid', 'whatsapp_api_failed'] as const satisfies readonly ErrorCode[];
/** A flow document in the body: the limits checked before it is validated (schema/flow-limits.ts). */
export const FLOW_BODY = ['flow_too_deep', 'flow_too_many_nodes', 'flow_too_large'] as const satisfies readonly ErrorCode[];
/** Errors of every route with a JSON body, before the route sees it. */
export const JSON_BODY = ['bad_request', 'malformed_json', 'payload_too_large', 'unsupported_media_type'] as const satisfies readonly ErrorCode[];
