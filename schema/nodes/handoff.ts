import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template } from '../common.ts';

export const handoff = defineNodeKind({
  schema: nodeSchema('handoff', Type.Object({
    text: Type.Optional(Template),
    queue: Type.Optional(Type.String()),
    note: Type.Optional(Template),
  }, { additionalProperties: false })),
  outputs: () => ['resolved'],
  waits: () => true,
});
