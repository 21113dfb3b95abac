import type { NodeData } from '../../../schema/index.ts';

export type ConditionOperator = NodeData<'condition'>['branches'][number]['rules'][number]['op'];

export const OPERATORS: readonly ConditionOperator[] = [
  'equals', 'not_equals', 'contains', 'starts_with', 'greater_than', 'less_than', 'is_empty', 'is_not_empty', 'matches',
  'within_business_hours', 'outside_business_hours',
];

/** Operators that test the value alone and take no right-hand side. */
export function isUnary(op: ConditionOperator): boolean {
  return op === 'is_empty' || op === 'is_not_empty' || readsTheClock(op);
}

/** Operators that read the turn's time against the flow's business hours: they take no value at all. */
export function readsTheClock(op: ConditionOperator): boolean {
  return op === 'within_business_hours' || op === 'outside_business_hours';
}
