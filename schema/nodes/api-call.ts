import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template, VariableName } from '../common.ts';

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
});
