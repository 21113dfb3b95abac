import type { NodeEditor } from '../types.ts';
import { createAiAnswer } from './defaults.ts';
import { AiAnswerBody } from './Body.tsx';
import { AiAnswerInspector } from './Inspector.tsx';

export const aiAnswerEditor: NodeEditor<'ai_answer'> = {
  icon: '❋',
  color: '#7a4fb5',
  create: createAiAnswer,
  Body: AiAnswerBody,
  Inspector: AiAnswerInspector,
  setsVariables: (data) => (data.variable ? [data.variable] : []),
};
