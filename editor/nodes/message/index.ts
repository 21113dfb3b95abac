import type { NodeEditor } from '../types.ts';
import { MessageBody } from './Body.tsx';
import { MessageInspector } from './Inspector.tsx';

export const messageEditor: NodeEditor<'message'> = {
  icon: '✉',
  color: '#25a366',
  label: 'kind_message',
  create: () => ({ text: '' }),
  Body: MessageBody,
  Inspector: MessageInspector,
};
