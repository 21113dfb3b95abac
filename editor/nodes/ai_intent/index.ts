import type { NodeEditor } from '../types.ts';
import { createAiIntent } from './defaults.ts';
import { AiIntentBody } from './Body.tsx';
import { AiIntentInspector } from './Inspector.tsx';

export const aiIntentEditor: NodeEditor<'ai_intent'> = {
  icon: '✦',
  color: '#b5478f',
  create: createAiIntent,
  Body: AiIntentBody,
  Inspector: AiIntentInspector,
  outputLabels: (data) => Object.fromEntries(data.intents.map((intent) => [intent.id, intent.description || intent.id])),
  setsVariables: (data) => (data.variable ? [data.variable] : []),
};
