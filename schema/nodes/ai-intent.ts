import { Type } from '@sinclair/typebox';
import { defineNodeKind, Id, nodeSchema, Template, VariableName } from '../common.ts';
import { checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';

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
  }, { additionalProperties: false })),
  outputs: (data) => [...data.intents.map((intent) => intent.id), 'fallback'],
  itemOutputs: { list: 'intents', duplicateCode: 'duplicate_intent_id', reserved: 'fallback', label: (intent) => intent.description || intent.id },
  waits: (data) => data.text !== undefined && data.text !== '',
  sets: (data) => (data.variable === undefined ? [] : [data.variable]),
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.textBody, 'text_too_long');
  },
});
