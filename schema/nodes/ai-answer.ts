import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template, TimeoutSeconds, VariableName } from '../common.ts';
import { checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';
import { FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

export const aiAnswer = defineNodeKind({
  schema: nodeSchema('ai_answer', Type.Object({
    /** Asked first; without it the node answers the message that reached it. */
    text: Type.Optional(Template),
    minConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    /** Receives the answer sent. */
    variable: Type.Optional(VariableName),
    /** Only where the node asks (`text`): it waits for the question that long. */
    timeoutSeconds: Type.Optional(TimeoutSeconds),
  }, { additionalProperties: false })),
  manifest: {
    name: ['Respuesta IA', 'Resposta IA', 'AI answer'],
    summary: 'Answers the customer\'s question only from the flow\'s knowledge, citing the entry used; anything else takes `unknown`.',
    fields: {
      text: FIELD_WORDS.text,
      minConfidence: ['la confianza mínima', 'a confiança mínima', 'the minimum confidence'],
      variable: FIELD_WORDS.variable,
      timeoutSeconds: ['la espera de la pregunta (segundos)', 'a espera da pergunta (segundos)', 'the question wait (seconds)'],
    },
    outputs: {
      answered: ['Respondida', 'Respondida', 'Answered'],
      unknown: ['Sin respuesta', 'Sem resposta', 'No answer'],
      timeout: OUTPUT_WORDS.timeout,
    },
  },
  outputs: (data) => ['answered', 'unknown', ...(asks(data) && data.timeoutSeconds !== undefined ? ['timeout'] : [])],
  waits: (data) => asks(data),
  sets: (data) => (data.variable === undefined ? [] : [data.variable]),
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.textBody, 'text_too_long');
  },
});

function asks(data: { text?: string }): boolean {
  return data.text !== undefined && data.text !== '';
}
