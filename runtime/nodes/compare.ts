import type { NodeData } from '../../schema/index.ts';
import type { BUSINESS_HOURS_OPERATORS } from '../../schema/nodes/condition.ts';
import { assertNever } from '../core/assert-never.ts';
import { foldText } from '../core/normalize-text.ts';
import { matchesSafely } from '../core/safe-regex.ts';

/** The operators that compare two rendered values (the business-hours ones read the clock instead: condition.ts). */
export type ComparisonOperator = Exclude<NodeData<'condition'>['branches'][number]['rules'][number]['op'], (typeof BUSINESS_HOURS_OPERATORS)[number]>;

/** A number when the whole trimmed text is one (`12`, `-3.5`, `1e3`), else undefined. */
function asNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * One condition rule on rendered values. Numbers compare numerically when both sides
 * are numbers; text comparisons ignore case and accents; `matches` is a regex (safe,
 * case-sensitive) searched in the left side.
 * @example compare('1500', 'greater_than', '999') // true (numeric, not alphabetical)
 * @example compare('Sí', 'equals', 'si') // true
 */
export function compare(left: string, op: ComparisonOperator, right: string): boolean {
  switch (op) {
    case 'equals':
      return equals(left, right);
    case 'not_equals':
      return !equals(left, right);
    case 'contains':
      return foldText(left).includes(foldText(right));
    case 'starts_with':
      return foldText(left).startsWith(foldText(right));
    case 'greater_than':
      return order(left, right) > 0;
    case 'less_than':
      return order(left, right) < 0;
    case 'is_empty':
      return left.trim() === '';
    case 'is_not_empty':
      return left.trim() !== '';
    case 'matches':
      return matchesSafely(right, left);
    default:
      return assertNever(op, 'condition operator');
  }
}

function equals(left: string, right: string): boolean {
  const [a, b] = [asNumber(left), asNumber(right)];
  if (a !== undefined && b !== undefined) return a === b;
  return foldText(left) === foldText(right);
}

/** Negative, zero or positive; text that is not numeric orders alphabetically (ISO dates work). */
function order(left: string, right: string): number {
  const [a, b] = [asNumber(left), asNumber(right)];
  if (a !== undefined && b !== undefined) return a - b;
  if (left.trim() === '' || right.trim() === '') return Number.NaN;
  const [x, y] = [foldText(left), foldText(right)];
  return x < y ? -1 : x > y ? 1 : 0;
}

