import { Type } from '@sinclair/typebox';
import { defineNodeKind, Id, nodeSchema, Template } from '../common.ts';
import { checkRegex, checkUniqueIds, hasTemplate } from '../validate/field-checks.ts';

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
  check(data, context) {
    checkUniqueIds(context, data.branches, '/branches', 'duplicate_branch_id', 'else');
    data.branches.forEach((branch, b) => branch.rules.forEach((rule, r) => {
      // A `matches` rule with a literal right side is a pattern known now; a template one is not.
      if (rule.op === 'matches' && rule.right !== undefined && !hasTemplate(rule.right)) {
        checkRegex(context, rule.right, `/branches/${b}/rules/${r}/right`);
      }
    }));
  },
});
