import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema } from '../common.ts';
import { OUTPUT_WORDS } from './shared-labels.ts';

/**
 * A pause before the next node: the customer sees WhatsApp's typing indicator meanwhile (Meta
 * shows it for at most 25 s). It ends the turn; a timer continues the flow through `next`.
 */
export const delay = defineNodeKind({
  schema: nodeSchema('delay', Type.Object({
    seconds: Type.Number({ exclusiveMinimum: 0, maximum: 86_400 }),
  }, { additionalProperties: false })),
  manifest: {
    name: ['Pausa', 'Pausa', 'Pause'],
    summary: 'Pauses before the next node, showing the typing indicator; the rest of the flow runs on a timer.',
    fields: { seconds: ['la pausa (segundos)', 'a pausa (segundos)', 'the pause (seconds)'] },
    outputs: { next: OUTPUT_WORDS.next },
  },
  outputs: () => ['next'],
  // It stops the turn (the rest of the flow runs on its timer), so a loop through it cannot spin.
  waits: () => true,
});
