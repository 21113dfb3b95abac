import type { NodeEditor } from '../types.ts';
import { FormBody } from './Body.tsx';
import { createForm } from './create.ts';
import { FormInspector } from './Inspector.tsx';

export const formEditor: NodeEditor<'form'> = {
  icon: '▤',
  color: '#e0633a',
  create: createForm,
  Body: FormBody,
  Inspector: FormInspector,
  inspectorField: (path) => path
    .replace(/^flowJson\.screens\.(\d+)\.layout\.children\.(\d+)/, 'screens.$1.components.$2')
    .replace(/^flowJson\.screens\.(\d+)(\.title)?/, 'screens.$1$2'),
  setsVariables: (data) => data.outputs.map((output) => output.variable),
};
