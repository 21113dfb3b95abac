import type { NodeEditor } from '../types.ts';
import { ApiCallBody } from './Body.tsx';
import { ApiCallInspector } from './Inspector.tsx';

export const apiCallEditor: NodeEditor<'api_call'> = {
  icon: '⇄',
  color: '#3d5a80',
  create: () => ({ method: 'GET', url: 'https://' }),
  Body: ApiCallBody,
  Inspector: ApiCallInspector,
  setsVariables: (data) => (data.outputs ?? []).map((output) => output.variable),
};
