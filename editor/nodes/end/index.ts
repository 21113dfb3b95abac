import type { NodeEditor } from '../types.ts';
import { EndBody } from './Body.tsx';
import { EndInspector } from './Inspector.tsx';

export const endEditor: NodeEditor<'end'> = {
  icon: '■',
  color: '#5f6b76',
  label: 'kind_end',
  create: () => ({}),
  Body: EndBody,
  Inspector: EndInspector,
};
