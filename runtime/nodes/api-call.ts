import type { NodeOf } from '../../schema/index.ts';
import type { TurnContext } from '../core/turn-context.ts';
import type { HttpResponse } from '../core/types.ts';
import { apiCallOutcome, buildApiCallRequest } from './api-call-request.ts';
import type { NodeBehaviour, Step } from './behaviour.ts';
import { next } from './behaviour.ts';

/**
 * Calls an HTTP API through `ports.http` (which guards addresses and sizes). The only
 * place `{{secrets.*}}` are rendered; a secret the server echoes back (even base64- or hex-encoded)
 * is masked before it reaches a variable. A 2xx maps the JSON response into variables by
 * dotted path (`status` is the HTTP status) and takes `success`; anything else —
 * another status, a timeout, a refused address, a failing port — takes `error`.
 */
export const apiCall = {
  enter: (node, ctx) => call(node, ctx),
} satisfies NodeBehaviour<'api_call'>;

async function call(node: NodeOf<'api_call'>, ctx: TurnContext): Promise<Step> {
  const request = buildApiCallRequest(node.data, (template) => ctx.renderWithSecrets(template));
  let response: HttpResponse;
  try {
    response = await ctx.ports.http(request);
  } catch (error) {
    response = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const { output, set: answered, unset } = apiCallOutcome(node.data, response);
  // What the server answered may echo a secret, transformed or not: it is masked before anything stores it.
  const set = JSON.parse(ctx.redact(JSON.stringify(answered))) as Record<string, unknown>;
  Object.assign(ctx.session.variables, set);
  for (const variable of unset) delete ctx.session.variables[variable];
  const status = response.status;
  if (output === 'success') return next('success', `${request.method} answered ${status}`);
  const reason = response.ok ? `HTTP ${status}` : response.reason + (status === undefined ? '' : ` (HTTP ${status})`);
  return next('error', ctx.redact(`${request.method} failed: ${reason}`));
}
