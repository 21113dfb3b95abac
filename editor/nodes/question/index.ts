import type { NodeEditor } from '../types.ts';
import { createQuestion } from './defaults.ts';
import { QuestionBody } from './Body.tsx';
import { QuestionInspector } from './Inspector.tsx';

export const questionEditor: NodeEditor<'question'> = {
  icon: '?',
  color: '#0f9d9a',
  create: createQuestion,
  Body: QuestionBody,
  Inspector: QuestionInspector,
  setsVariables: (data) => [data.variable],
};
