import type { NodeOf } from '../../schema/index.ts';
import { API_CALL_DEFAULT_TIMEOUT_MS, API_CALL_MAX_TIMEOUT_MS } from '../../schema/nodes/api-call.ts';
import { readPath } from '../core/dotted-path.ts';
import type { TurnContext } from '../core/turn-context.ts';
import type { HttpRequest, HttpResponse } from '../core/types.ts';
import type { NodeBehaviour, Step } from './behaviour.ts';
import { next } from './behaviour.ts';

/**
 * Calls an HTTP API through `ports.http` (which guards addresses and sizes). The only
 * place `{{secrets.*}}` are rendered. A 2xx maps the JSON response into variables by
 * dotted path (`status` is the HTTP status) and takes `success`; anything else —
 * another status, a timeout, a refused address, a failing port — takes `error`.
 */
export const apiCall = {
  enter: (node, ctx) => call(node, ctx),
} satisfies NodeBehaviour<'api_call'>;

async function call(node: NodeOf<'api_call'>, ctx: TurnContext): Promise<Step> {
  const request = buildRequest(node, ctx);
  let response: HttpResponse;
  try {
    response = await ctx.ports.http(request);
  } catch (error) {
    response = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const status = response.status;
  const success = response.ok && response.status >= 200 && response.status < 300;
  const json = response.ok ? response.json : undefined;
  for (const { variable, path } of node.data.outputs ?? []) {
    if (path === 'status') {
      if (status !== undefined) ctx.session.variables[variable] = status;
    } else if (success) {
      const value = readPath(json, path.split('.'));
      // A path the response lacks leaves the variable unset, as JSON would store it.
      if (value === undefined) delete ctx.session.variables[variable];
      else ctx.session.variables[variable] = value;
    }
  }
  if (success) return next('success', `${request.method} answered ${status}`);
  const reason = response.ok ? `HTTP ${status}` : response.reason + (status === undefined ? '' : ` (HTTP ${status})`);
  return next('error', ctx.redact(`${request.method} failed: ${reason}`));
}

function buildRequest(node: NodeOf<'api_call'>, ctx: TurnContext): HttpRequest {
  const { data } = node;
  const headers: Record<string, string> = {};
  for (const header of data.headers ?? []) headers[header.name] = ctx.renderWithSecrets(header.value);
  return {
    method: data.method,
    url: ctx.renderWithSecrets(data.url),
    headers,
    ...(data.body === undefined ? {} : { body: ctx.renderWithSecrets(data.body) }),
    timeoutMs: Math.min(data.timeoutMs ?? API_CALL_DEFAULT_TIMEOUT_MS, API_CALL_MAX_TIMEOUT_MS),
  };
}
