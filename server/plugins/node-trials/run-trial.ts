import { performance } from 'node:perf_hooks';
import type { NodeTrial } from '../../../schema/api/node-trials.ts';
import type { NodeData } from '../../../schema/index.ts';
import { ADAPTER_ERRORS, type AdapterErrorCode } from '../../../runtime/adapters/index.ts';
import { renderTemplate, type TemplateScope } from '../../../runtime/core/template.ts';
import type { Contact, HttpResponse, RuntimePorts } from '../../../runtime/core/types.ts';
import { apiCallOutcome, buildApiCallRequest } from '../../../runtime/nodes/api-call-request.ts';
import { maskedSecrets, secretMask } from './secret-mask.ts';

/** Bodies longer than this are shown cut, as text: the inspector is no place for megabytes. */
export const MAX_SHOWN_BODY_CHARS = 65_536;

export interface TrialInput {
  data: NodeData<'api_call'>;
  variables: Readonly<Record<string, unknown>>;
  /** Who `{{contact.*}}` is: the simulator's contact. */
  contact: Contact;
  secrets: Readonly<Record<string, string>>;
  http: RuntimePorts['http'];
}

/**
 * Sends an api_call node's request once, as the runtime would (same rendering, same guarded port,
 * same timeout), and reports what was sent, what came back and what the node would do with it.
 * Secret values never leave: the echoed request is rendered with masked secrets, and everything
 * the remote server said is masked too.
 * @example await runTrial({ data, variables: { pedido: 7 }, contact, secrets: config.runtime.secrets, http: ports.http })
 */
export async function runTrial(input: TrialInput): Promise<NodeTrial> {
  const { data, secrets } = input;
  const mask = secretMask(secrets);
  const scope = (shownSecrets: Readonly<Record<string, string>>): TemplateScope => ({
    variables: input.variables, contact: input.contact, lastText: undefined, secrets: shownSecrets,
  });
  const sent = buildApiCallRequest(data, (template) => renderTemplate(template, scope(secrets)));
  const shown = buildApiCallRequest(data, (template) => mask(renderTemplate(template, scope(maskedSecrets(secrets)))));

  const started = performance.now();
  let response: HttpResponse;
  try {
    response = await input.http(sent);
  } catch (error) {
    response = { ok: false, reason: `network: ${error instanceof Error ? error.message : String(error)}` };
  }
  const durationMs = Math.round(performance.now() - started);

  const outcome = apiCallOutcome(data, response);
  const trial: NodeTrial = {
    request: shown,
    durationMs,
    outputs: { output: outcome.output, variables: maskValue(outcome.set, mask), unset: outcome.unset },
  };
  if (response.status !== undefined && response.text !== undefined) {
    trial.response = { status: response.status, headers: maskHeaders(response.headers ?? {}, mask), ...shownBody(mask(response.text)) };
  }
  if (!response.ok && trial.response === undefined) trial.error = callError(mask(response.reason));
  return trial;
}

function shownBody(text: string): { body: unknown; truncated: boolean } {
  if (text.length > MAX_SHOWN_BODY_CHARS) return { body: text.slice(0, MAX_SHOWN_BODY_CHARS), truncated: true };
  if (text === '') return { body: '', truncated: false };
  try {
    return { body: JSON.parse(text) as unknown, truncated: false };
  } catch {
    return { body: text, truncated: false };
  }
}

function maskHeaders(headers: Record<string, string>, mask: (text: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, mask(value)]));
}

/** A stored value that may hold what the server echoed: masked through its JSON text. */
function maskValue<T>(value: T, mask: (text: string) => string): T {
  return JSON.parse(mask(JSON.stringify(value))) as T;
}

/** The port's `<code>: <detail>` reason as `{ code, message }`; an unknown prefix reads as a network failure. */
function callError(reason: string): { code: AdapterErrorCode; message: string } {
  const prefix = reason.slice(0, Math.max(0, reason.indexOf(':')));
  const code = Object.hasOwn(ADAPTER_ERRORS, prefix) ? (prefix as AdapterErrorCode) : 'network';
  return { code, message: reason };
}
