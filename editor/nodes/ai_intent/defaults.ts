import { defineMessages, type Locale } from '../../i18n/index.ts';
import type { NodeData } from '../../../schema/index.ts';

/** An AI intent node dropped from the palette, in the flow's language: one intent the analyst renames and extends. */
const copy = defineMessages({
  es: { id: 'precios', description: 'Pregunta por precios', example: '¿Cuánto cuesta?' },
  pt: { id: 'precos', description: 'Pergunta sobre preços', example: 'Quanto custa?' },
  en: { id: 'prices', description: 'Asks about prices', example: 'How much is it?' },
});

export function createAiIntent(locale: Locale): NodeData<'ai_intent'> {
  const { id, description, example } = copy[locale];
  return { intents: [{ id, description, examples: [example] }] };
}
