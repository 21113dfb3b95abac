import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template, VariableName } from '../common.ts';

export const set = defineNodeKind({
  schema: nodeSchema('set', Type.Object({
    assignments: Type.Array(Type.Object({
      variable: VariableName,
      value: Template,
    }, { additionalProperties: false }), { minItems: 1 }),
  }, { additionalProperties: false })),
  outputs: () => ['next'],
  waits: () => false,
  sets: (data) => data.assignments.map((assignment) => assignment.variable),
});
