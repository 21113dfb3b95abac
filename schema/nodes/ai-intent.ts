import { Type } from '@sinclair/typebox';
import { defineNodeKind, Id, nodeSchema, Template, TimeoutSeconds, VariableName, withTimeout } from '../common.ts';
import { checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';
import { FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

export const Intent = Type.Object({
  id: Id,
  description: Type.String({ minLength: 1 }),
  examples: Type.Array(Type.String({ minLength: 1 })),
}, { additionalProperties: false });

export const aiIntent = defineNodeKind({
  schema: nodeSchema('ai_intent', Type.Object({
    intents: Type.Array(Intent, { minItems: 1 }),
    text: Type.Optional(Template),
    minConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    variable: Type.Optional(VariableName),
    /** Only where the node asks (`text`): it waits for the answer that long. */
    timeoutSeconds: Type.Optional(TimeoutSeconds),
  }, { additionalProperties: false })),
  // A node that does not ask never waits, so it has no answer to time out.
  manifest: {
    name: ['Intención IA', 'Intenção IA', 'AI intent'],
    summary: 'Classifies the user\'s message into one of the listed intents; never sends generated text.',
    fields: {
      intents: {
        label: ['las intenciones', 'as intenções', 'the intents'],
        item: ['la intención {n}', 'a intenção {n}', 'intent {n}'],
        fields: {
          id: FIELD_WORDS.id,
          description: FIELD_WORDS.description,
          examples: { label: ['los ejemplos', 'os exemplos', 'the examples'], item: ['el ejemplo {n}', 'o exemplo {n}', 'example {n}'] },
        },
      },
      text: FIELD_WORDS.text,
      minConfidence: ['la confianza mínima', 'a confiança mínima', 'the minimum confidence'],
      variable: FIELD_WORDS.variable,
      timeoutSeconds: ['la espera de la respuesta (segundos)', 'a espera da resposta (segundos)', 'the answer wait (seconds)'],
    },
    outputs: { fallback: ['Sin coincidencia', 'Sem correspondência', 'No match'], timeout: OUTPUT_WORDS.timeout },
  },
  outputs: (data) => [...data.intents.map((intent) => intent.id), 'fallback', ...(asks(data) && data.timeoutSeconds !== undefined ? ['timeout'] : [])],
  itemOutputs: { list: 'intents', duplicateCode: 'duplicate_intent_id', reserved: ['fallback', 'timeout'], label: (intent) => intent.description || intent.id },
  waits: (data) => asks(data),
  sets: (data) => (data.variable === undefined ? [] : [data.variable]),
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.textBody, 'text_too_long');
  },
});

function asks(data: { text?: string }): boolean {
  return data.text !== undefined && data.text !== '';
}
