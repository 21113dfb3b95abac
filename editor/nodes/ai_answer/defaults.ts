import { defineMessages, type Locale } from '../../i18n/index.ts';
import type { NodeData } from '../../../schema/index.ts';

/** An AI answer node dropped from the palette, in the flow's language: it asks, then answers from the knowledge. */
const copy = defineMessages({
  es: { text: '¿Qué querés saber? Escribime tu pregunta 👇' },
  pt: { text: 'O que você quer saber? Escreva sua pergunta 👇' },
  en: { text: 'What would you like to know? Type your question 👇' },
});

export function createAiAnswer(locale: Locale): NodeData<'ai_answer'> {
  return { text: copy[locale].text };
}
