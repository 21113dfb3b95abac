import type { NodeData } from '../../schema/index.ts';
import { API_CALL_DEFAULT_TIMEOUT_MS, API_CALL_MAX_TIMEOUT_MS } from '../../schema/nodes/api-call.ts';
import { readPath } from '../core/dotted-path.ts';
import type { HttpRequest, HttpResponse } from '../core/types.ts';

/** What an api_call node decides from an answer: its output and the variables it stores or clears. */
export interface ApiCallOutcome {
  output: 'success' | 'error';
  /** Variables the node's `outputs` set, by name. */
  set: Record<string, unknown>;
  /** Variables whose path the (successful) response lacks: cleared, as JSON would store them. */
  unset: string[];
}

/**
 * The request an api_call node sends; `render` fills its templates (with secrets, for the real
 * request). Shared by the runtime and the server's "try it", so both send exactly the same thing.
 * @example buildApiCallRequest(data, (template) => renderTemplate(template, scope))
 */
export function buildApiCallRequest(data: NodeData<'api_call'>, render: (template: string) => string): HttpRequest {
  const headers: Record<string, string> = {};
  for (const header of data.headers ?? []) headers[header.name] = render(header.value);
  return {
    method: data.method,
    url: render(data.url),
    headers,
    ...(data.body === undefined ? {} : { body: render(data.body) }),
    timeoutMs: Math.min(data.timeoutMs ?? API_CALL_DEFAULT_TIMEOUT_MS, API_CALL_MAX_TIMEOUT_MS),
  };
}

/**
 * A 2xx takes `success` and maps the JSON response into variables by dotted path (`status` is
 * the HTTP status, stored whenever the server answered); anything else takes `error`.
 * @example apiCallOutcome(data, { ok: true, status: 200, json: { id: 7 }, text: '' }) // { output: 'success', set: { id: 7 }, unset: [] }
 */
export function apiCallOutcome(data: NodeData<'api_call'>, response: HttpResponse): ApiCallOutcome {
  const status = response.status;
  const success = response.ok && response.status >= 200 && response.status < 300;
  const json = response.ok ? response.json : undefined;
  const outcome: ApiCallOutcome = { output: success ? 'success' : 'error', set: {}, unset: [] };
  for (const { variable, path } of data.outputs ?? []) {
    // A failed call stores only `status` (when the server answered); other paths keep their value.
    if (path !== 'status' && !success) continue;
    if (path === 'status' && status === undefined) continue;
    const value = path === 'status' ? status : readPath(json, path.split('.'));
    // A later output naming the same variable wins, as if each were stored in turn.
    delete outcome.set[variable];
    outcome.unset = outcome.unset.filter((name) => name !== variable);
    if (value === undefined) outcome.unset.push(variable);
    else outcome.set[variable] = value;
  }
  return outcome;
}
