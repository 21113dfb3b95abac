import { Type } from '@sinclair/typebox';
import { defineNodeKind, Id, nodeSchema, Template } from '../common.ts';
import { checkRegex, hasTemplate } from '../validate/field-checks.ts';
import { FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

export const ConditionOperator = Type.Union([
  Type.Literal('equals'), Type.Literal('not_equals'), Type.Literal('contains'),
  Type.Literal('starts_with'), Type.Literal('greater_than'), Type.Literal('less_than'),
  Type.Literal('is_empty'), Type.Literal('is_not_empty'), Type.Literal('matches'),
  // Read the turn's time against the flow's business hours; `left` and `right` are not used.
  Type.Literal('within_business_hours'), Type.Literal('outside_business_hours'),
]);

/** The operators that read the clock and the flow's business hours instead of comparing two values. */
export const BUSINESS_HOURS_OPERATORS = ['within_business_hours', 'outside_business_hours'] as const;

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
  manifest: {
    name: ['Condición', 'Condição', 'Condition'],
    summary: 'Takes the first branch whose rules hold, else `else`.',
    fields: {
      branches: {
        label: ['las ramas', 'os ramos', 'the branches'],
        item: ['la rama {n}', 'o ramo {n}', 'branch {n}'],
        fields: {
          id: FIELD_WORDS.id,
          match: ['el «se cumple si»', 'o «cumpre-se se»', 'the "holds when"'],
          rules: {
            label: ['las reglas', 'as regras', 'the rules'],
            item: ['la regla {n}', 'a regra {n}', 'rule {n}'],
            fields: {
              left: ['el valor de la izquierda', 'o valor da esquerda', 'the left value'],
              op: ['el operador', 'o operador', 'the operator'],
              right: ['el valor de la derecha', 'o valor da direita', 'the right value'],
            },
          },
          label: FIELD_WORDS.name,
        },
      },
    },
    outputs: { else: ['Si no', 'Senão', 'Else'] },
  },
  outputs: (data) => [...data.branches.map((branch) => branch.id), 'else'],
  // The editor names a branch by its label, or by its place when it has none.
  itemOutputs: { list: 'branches', duplicateCode: 'duplicate_branch_id', reserved: ['else'], label: (branch, index) => branch.label || `#${index + 1}` },
  waits: () => false,
  check(data, context) {
    data.branches.forEach((branch, b) => branch.rules.forEach((rule, r) => {
      // A `matches` rule with a literal right side is a pattern known now; a template one is not.
      if (rule.op === 'matches' && rule.right !== undefined && !hasTemplate(rule.right)) {
        checkRegex(context, rule.right, `/branches/${b}/rules/${r}/right`);
      }
    }));
  },
});
