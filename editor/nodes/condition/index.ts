import type { NodeEditor } from '../types.ts';
import { ConditionBody } from './Body.tsx';
import { ConditionInspector } from './Inspector.tsx';

export const conditionEditor: NodeEditor<'condition'> = {
  icon: '◇',
  color: '#c9a227',
  label: 'kind_condition',
  create: () => ({ branches: [{ id: 'rama_1', match: 'all', rules: [{ left: '', op: 'equals', right: '' }] }] }),
  Body: ConditionBody,
  Inspector: ConditionInspector,
  outputLabels: (data) => Object.fromEntries(data.branches.map((branch, index) => [branch.id, branch.label || `#${index + 1}`])),
};
