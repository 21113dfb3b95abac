import { defineMessages, type Locale } from '../../i18n/index.ts';
import type { NodeData } from '../../../schema/index.ts';

/** A condition dropped from the palette: one branch with one empty rule, its id in the flow's language. */
const copy = defineMessages({
  es: { branchId: 'rama_1' },
  pt: { branchId: 'ramo_1' },
  en: { branchId: 'branch_1' },
});

export function createCondition(locale: Locale): NodeData<'condition'> {
  return { branches: [{ id: copy[locale].branchId, match: 'all', rules: [{ left: '', op: 'equals', right: '' }] }] };
}
