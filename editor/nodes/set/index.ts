import type { NodeEditor } from '../types.ts';
import { createSet } from './defaults.ts';
import { SetBody } from './Body.tsx';
import { SetInspector } from './Inspector.tsx';

export const setEditor: NodeEditor<'set'> = {
  icon: '=',
  color: '#7b61c4',
  create: createSet,
  Body: SetBody,
  Inspector: SetInspector,
  setsVariables: (data) => data.assignments.map((assignment) => assignment.variable),
};
