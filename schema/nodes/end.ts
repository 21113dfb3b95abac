import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template } from '../common.ts';

export const end = defineNodeKind({
  schema: nodeSchema('end', Type.Object({
    text: Type.Optional(Template),
  }, { additionalProperties: false })),
  outputs: () => [],
  waits: () => false,
});
