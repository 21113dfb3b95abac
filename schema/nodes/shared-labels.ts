import type { FieldLabels, Words } from '../manifest.ts';
import type { TemplateRef } from '../template-ref.ts';

/** Fields and outputs several kinds have, named once so they read the same everywhere. */
export const FIELD_WORDS = {
  text: ['el texto', 'o texto', 'the text'],
  header: ['el encabezado', 'o cabeçalho', 'the header'],
  footer: ['el pie', 'o rodapé', 'the footer'],
  invalidText: ['el texto si la respuesta no es válida', 'o texto se a resposta não for válida', 'the text when the answer is not valid'],
  maxRetries: ['los reintentos máximos', 'o máximo de tentativas', 'the maximum retries'],
  variable: ['la variable', 'a variável', 'the variable'],
  id: ['el id', 'o id', 'the id'],
  title: ['el título', 'o título', 'the title'],
  description: ['la descripción', 'a descrição', 'the description'],
  value: ['el valor', 'o valor', 'the value'],
  name: ['el nombre', 'o nome', 'the name'],
  type: ['el tipo', 'o tipo', 'the type'],
} as const satisfies Record<string, Words>;

export const OUTPUT_WORDS = {
  next: ['Siguiente', 'Próximo', 'Next'],
  invalid: ['Respuesta inválida', 'Resposta inválida', 'Invalid answer'],
  timeout: ['Sin respuesta a tiempo', 'Sem resposta a tempo', 'No answer in time'],
} as const satisfies Record<string, Words>;

/** An approved WhatsApp template with its parameters (schema/template-ref.ts), wherever a flow names one. */
export const TEMPLATE_REF_WORDS: FieldLabels<TemplateRef> = {
  name: FIELD_WORDS.name,
  language: ['el idioma', 'o idioma', 'the language'],
  bodyParameters: ['los parámetros del cuerpo', 'os parâmetros do corpo', 'the body parameters'],
  headerParameter: ['el parámetro del encabezado', 'o parâmetro do cabeçalho', 'the header parameter'],
  buttonParameters: ['los parámetros de los botones', 'os parâmetros dos botões', 'the button parameters'],
};

/** A waiting node's own fallback template: sent instead of its messages due after the 24-hour window closed (docs/templates.md §4). */
export const FALLBACK_TEMPLATE_WORDS = {
  label: ['la plantilla para ventana cerrada', 'o modelo para janela fechada', 'the closed-window fallback template'],
  fields: TEMPLATE_REF_WORDS,
} as const;
