import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template, VariableName } from '../common.ts';
import { FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

export const set = defineNodeKind({
  schema: nodeSchema('set', Type.Object({
    assignments: Type.Array(Type.Object({
      variable: VariableName,
      value: Template,
    }, { additionalProperties: false }), { minItems: 1 }),
  }, { additionalProperties: false })),
  manifest: {
    name: ['Asignar', 'Atribuir', 'Set variables'],
    summary: 'Sets flow variables from templates, then moves on.',
    fields: {
      assignments: {
        label: ['las asignaciones', 'as atribuições', 'the assignments'],
        item: ['la asignación {n}', 'a atribuição {n}', 'assignment {n}'],
        fields: { variable: FIELD_WORDS.variable, value: FIELD_WORDS.value },
      },
    },
    outputs: { next: OUTPUT_WORDS.next },
  },
  outputs: () => ['next'],
  waits: () => false,
  sets: (data) => data.assignments.map((assignment) => assignment.variable),
});
