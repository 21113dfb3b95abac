import type { NodeEditor } from '../types.ts';
import { createCondition } from './defaults.ts';
import { ConditionBody } from './Body.tsx';
import { ConditionInspector } from './Inspector.tsx';

export const conditionEditor: NodeEditor<'condition'> = {
  icon: '◇',
  color: '#c9a227',
  create: createCondition,
  Body: ConditionBody,
  Inspector: ConditionInspector,
  outputLabels: (data) => Object.fromEntries(data.branches.map((branch, index) => [branch.id, branch.label || `#${index + 1}`])),
};
