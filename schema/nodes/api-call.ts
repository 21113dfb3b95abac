import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template, VariableName } from '../common.ts';
import { checkHttpUrl, TEMPLATE_PATTERN } from '../validate/field-checks.ts';
import type { NodeCheckContext } from '../validate/node-check-context.ts';

export const HttpMethod = Type.Union([
  Type.Literal('GET'), Type.Literal('POST'), Type.Literal('PUT'), Type.Literal('PATCH'), Type.Literal('DELETE'),
]);

export const API_CALL_DEFAULT_TIMEOUT_MS = 5000;
export const API_CALL_MAX_TIMEOUT_MS = 15000;

export const apiCall = defineNodeKind({
  schema: nodeSchema('api_call', Type.Object({
    method: HttpMethod,
    url: Type.String({ minLength: 1 }),
    headers: Type.Optional(Type.Array(Type.Object({
      name: Type.String({ minLength: 1, pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" }),
      value: Template,
    }, { additionalProperties: false }))),
    body: Type.Optional(Template),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 1, maximum: API_CALL_MAX_TIMEOUT_MS })),
    outputs: Type.Optional(Type.Array(Type.Object({
      variable: VariableName,
      path: Type.String({ minLength: 1 }),
    }, { additionalProperties: false }))),
  }, { additionalProperties: false })),
  outputs: () => ['success', 'error'],
  waits: () => false,
  sets: (data) => (data.outputs ?? []).map((output) => output.variable),
  check(data, context) {
    checkHttpUrl(context, data.url, '/url');
    if (data.body !== undefined && data.body.trim() !== '') checkJsonBody(context, data.body);
  },
});

/**
 * The body is JSON text with templates in it. Each placeholder becomes `0`, which keeps both
 * `"{{name}}"` (inside a string) and `{{count}}` (a bare number) valid JSON.
 */
function checkJsonBody(context: NodeCheckContext, body: string): void {
  try {
    JSON.parse(body.replace(TEMPLATE_PATTERN, '0'));
  } catch (error) {
    context.report('api_body_not_json', '/body', { reason: error instanceof Error ? error.message : String(error) });
  }
}
