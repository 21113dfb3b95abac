import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template, TimeoutSeconds } from '../common.ts';
import { checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';

export const handoff = defineNodeKind({
  schema: nodeSchema('handoff', Type.Object({
    text: Type.Optional(Template),
    queue: Type.Optional(Type.String()),
    note: Type.Optional(Template),
    /** Only within the flow's business hours: outside them the handoff does not open and leaves through `closed`. */
    businessHoursOnly: Type.Optional(Type.Boolean()),
    /** When no agent has written to the customer this many seconds after the handoff opened, it leaves through `unanswered`. */
    unansweredSeconds: Type.Optional(TimeoutSeconds),
  }, { additionalProperties: false })),
  outputs: (data) => [
    'resolved',
    ...(data.businessHoursOnly === true ? ['closed'] : []),
    ...(data.unansweredSeconds === undefined ? [] : ['unanswered']),
  ],
  // An agent handing the conversation back may well have finished it: no edge is a fine ending.
  endingOutputs: ['resolved'],
  waits: () => true,
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.textBody, 'text_too_long');
  },
});
