import type { NodeEditor } from '../types.ts';
import { textDefault } from '../shared/text-default.ts';
import { EndBody } from './Body.tsx';
import { EndInspector } from './Inspector.tsx';

export const endEditor: NodeEditor<'end'> = {
  icon: '■',
  color: '#5f6b76',
  // The goodbye of an end node dropped from the palette, in the flow's language.
  create: textDefault({
    es: '¡Gracias por escribirnos!',
    pt: 'Obrigado por escrever para nós!',
    en: 'Thanks for writing to us!',
  }),
  Body: EndBody,
  Inspector: EndInspector,
};
