import { defineMessages, type Locale } from '../../i18n/index.ts';
import type { NodeData } from '../../../schema/index.ts';

/** A question dropped from the palette, in the flow's language: free text stored in a variable. */
const copy = defineMessages({
  es: { text: '¿Cuál es tu nombre?', variable: 'nombre' },
  pt: { text: 'Qual é o seu nome?', variable: 'nome' },
  en: { text: 'What is your name?', variable: 'name' },
});

export function createQuestion(locale: Locale): NodeData<'question'> {
  const { text, variable } = copy[locale];
  return { text, variable, input: 'text' };
}
