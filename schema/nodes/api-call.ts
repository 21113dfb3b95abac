import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template, VariableName } from '../common.ts';
import { checkHttpUrl, TEMPLATE_PATTERN } from '../validate/field-checks.ts';
import type { NodeCheckContext } from '../validate/node-check-context.ts';
import { FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

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
  manifest: {
    name: ['Llamada API', 'Chamada API', 'API call'],
    summary: 'Calls an HTTP API and stores parts of its JSON answer in variables.',
    fields: {
      method: ['el método', 'o método', 'the method'],
      url: ['la URL', 'a URL', 'the URL'],
      headers: {
        label: ['las cabeceras', 'os cabeçalhos', 'the headers'],
        item: ['la cabecera {n}', 'o cabeçalho {n}', 'header {n}'],
        fields: { name: FIELD_WORDS.name, value: FIELD_WORDS.value },
      },
      body: ['el cuerpo', 'o corpo', 'the body'],
      timeoutMs: ['el tiempo de espera (ms)', 'o tempo limite (ms)', 'the timeout (ms)'],
      outputs: {
        label: ['los datos a guardar', 'os dados a salvar', 'the values to store'],
        item: ['el dato a guardar {n}', 'o dado a salvar {n}', 'value to store {n}'],
        fields: { variable: FIELD_WORDS.variable, path: ['la ruta', 'o caminho', 'the path'] },
      },
    },
    outputs: { success: ['Éxito', 'Sucesso', 'Success'], error: ['Error', 'Erro', 'Error'] },
  },
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
