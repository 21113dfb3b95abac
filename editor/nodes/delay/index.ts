import type { NodeEditor } from '../types.ts';
import { DelayBody } from './Body.tsx';
import { DelayInspector } from './Inspector.tsx';

export const delayEditor: NodeEditor<'delay'> = {
  icon: '◷',
  color: '#6c8a9e',
  // A few seconds reads as someone typing; longer pauses are for reminders' timing.
  create: () => ({ seconds: 3 }),
  Body: DelayBody,
  Inspector: DelayInspector,
};
