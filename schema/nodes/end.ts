import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template } from '../common.ts';
import { checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';
import { FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

export const end = defineNodeKind({
  schema: nodeSchema('end', Type.Object({
    text: Type.Optional(Template),
  }, { additionalProperties: false })),
  manifest: {
    name: ['Fin', 'Fim', 'End'],
    summary: 'Ends the conversation, optionally with a last text.',
    fields: { text: FIELD_WORDS.text },
    outputs: {},
  },
  outputs: () => [],
  waits: () => false,
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.textBody, 'text_too_long');
  },
});
