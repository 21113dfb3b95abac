import type { NodeEditor } from '../types.ts';
import { createMenu } from './defaults.ts';
import { MenuBody } from './Body.tsx';
import { MenuInspector } from './Inspector.tsx';

export const menuEditor: NodeEditor<'menu'> = {
  icon: '☰',
  color: '#1f8fd6',
  create: createMenu,
  Body: MenuBody,
  Inspector: MenuInspector,
  outputLabels: (data) => Object.fromEntries(data.options.map((option) => [option.id, option.title])),
};
