import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template } from '../common.ts';
import { checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';

export const handoff = defineNodeKind({
  schema: nodeSchema('handoff', Type.Object({
    text: Type.Optional(Template),
    queue: Type.Optional(Type.String()),
    note: Type.Optional(Template),
  }, { additionalProperties: false })),
  outputs: () => ['resolved'],
  // An agent handing the conversation back may well have finished it: no edge is a fine ending.
  endingOutputs: ['resolved'],
  waits: () => true,
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.textBody, 'text_too_long');
  },
});
