import { Type } from '@sinclair/typebox';
import { defineNodeKind, Id, nodeSchema, Template } from '../common.ts';

export const ConditionOperator = Type.Union([
  Type.Literal('equals'), Type.Literal('not_equals'), Type.Literal('contains'),
  Type.Literal('starts_with'), Type.Literal('greater_than'), Type.Literal('less_than'),
  Type.Literal('is_empty'), Type.Literal('is_not_empty'), Type.Literal('matches'),
]);

export const ConditionRule = Type.Object({
  left: Template,
  op: ConditionOperator,
  right: Type.Optional(Template),
}, { additionalProperties: false });

export const ConditionBranch = Type.Object({
  id: Id,
  match: Type.Union([Type.Literal('all'), Type.Literal('any')]),
  rules: Type.Array(ConditionRule, { minItems: 1 }),
  label: Type.Optional(Type.String()),
}, { additionalProperties: false });

export const condition = defineNodeKind({
  schema: nodeSchema('condition', Type.Object({
    branches: Type.Array(ConditionBranch, { minItems: 1 }),
  }, { additionalProperties: false })),
  outputs: (data) => [...data.branches.map((branch) => branch.id), 'else'],
  waits: () => false,
});
