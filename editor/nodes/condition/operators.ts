import type { NodeData } from '../../../schema/index.ts';

export type ConditionOperator = NodeData<'condition'>['branches'][number]['rules'][number]['op'];

export const OPERATORS: readonly ConditionOperator[] = [
  'equals', 'not_equals', 'contains', 'starts_with', 'greater_than', 'less_than', 'is_empty', 'is_not_empty', 'matches',
];

/** Operators that test the value alone and take no right-hand side. */
export function isUnary(op: ConditionOperator): boolean {
  return op === 'is_empty' || op === 'is_not_empty';
}
