/**
 * Every coded error the server answers with, and its HTTP status. Responses are
 * `{ code, message, ...details }`. Plugins add their codes here, not in their own files.
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
  // 413 / 415
  payload_too_large: { status: 413, message: 'The body is too large' },
  unsupported_media_type: { status: 415, message: 'Send JSON with `Content-Type: application/json`' },
  // 422: well-formed but not acceptable
  flow_invalid: { status: 422, message: 'The document breaks the flow JSON Schema' },
  publish_blocked: { status: 422, message: 'The draft has errors; fix them before publishing' },
  channel_access_token_missing: { status: 422, message: 'The number has no access token to reply with: send accessToken or set WHATSAPP_ACCESS_TOKEN' },
  node_not_api_call: { status: 422, message: 'Only API-call nodes can be tried' },
  node_data_invalid: { status: 422, message: "The node's data has errors; fix them before trying it" },
  outside_customer_service_window: { status: 422, message: 'The customer last wrote more than 24 hours ago: only an approved template may be sent now' },
  // 500
  internal_error: { status: 500, message: 'Something went wrong on the server' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** An error with a catalogue code; the app's error handler turns it into `{ code, message, ...details }`. */
export class AppError extends Error {
  override name = 'AppError';
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message ?? errorCatalogue[code].message);
    this.statusCode = errorCatalogue[code].status;
  }
}

/**
 * Shorthand for `throw new AppError(...)` in expressions.
 * @example const flow = repo.getDraft(id) ?? fail('flow_not_found', `No flow "${id}"`);
 */
export function fail(code: ErrorCode, message?: string, details?: Record<string, unknown>): never {
  throw new AppError(code, message, details);
}
