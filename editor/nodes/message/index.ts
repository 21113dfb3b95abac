import type { NodeEditor } from '../types.ts';
import { textDefault } from '../shared/text-default.ts';
import { MessageBody } from './Body.tsx';
import { MessageInspector } from './Inspector.tsx';

export const messageEditor: NodeEditor<'message'> = {
  icon: '✉',
  color: '#25a366',
  // What a message dropped from the palette says, in the flow's language.
  create: textDefault({
    es: '¡Hola! ¿En qué te ayudo?',
    pt: 'Olá! Como posso ajudar?',
    en: 'Hi! How can I help you?',
  }),
  Body: MessageBody,
  Inspector: MessageInspector,
};
