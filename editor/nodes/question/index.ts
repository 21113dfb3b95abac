import type { NodeEditor } from '../types.ts';
import { QuestionBody } from './Body.tsx';
import { QuestionInspector } from './Inspector.tsx';

export const questionEditor: NodeEditor<'question'> = {
  icon: '?',
  color: '#0f9d9a',
  label: 'kind_question',
  create: () => ({ text: '', variable: 'respuesta', input: 'text' }),
  Body: QuestionBody,
  Inspector: QuestionInspector,
  setsVariables: (data) => [data.variable],
};
