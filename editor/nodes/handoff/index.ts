import type { NodeEditor } from '../types.ts';
import { HandoffBody } from './Body.tsx';
import { HandoffInspector } from './Inspector.tsx';

export const handoffEditor: NodeEditor<'handoff'> = {
  icon: '☎',
  color: '#d9822b',
  label: 'kind_handoff',
  create: () => ({}),
  Body: HandoffBody,
  Inspector: HandoffInspector,
};
