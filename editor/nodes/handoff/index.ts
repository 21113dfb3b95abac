import type { NodeEditor } from '../types.ts';
import { textDefault } from '../shared/text-default.ts';
import { HandoffBody } from './Body.tsx';
import { HandoffInspector } from './Inspector.tsx';

export const handoffEditor: NodeEditor<'handoff'> = {
  icon: '☎',
  color: '#d9822b',
  // What the customer is told when a handoff node dropped from the palette passes them to a person.
  create: textDefault({
    es: 'Te paso con una persona del equipo. En breve te responde.',
    pt: 'Vou te passar para uma pessoa da equipe. Em breve ela responde.',
    en: 'I am passing you to a person on our team. They will reply shortly.',
  }),
  Body: HandoffBody,
  Inspector: HandoffInspector,
};
