import { defineMessages, type Locale } from '../../i18n/index.ts';
import type { NodeData } from '../../../schema/index.ts';

/** A menu dropped from the palette, in the flow's language: a question and two options (sent as reply buttons). */
const copy = defineMessages({
  es: { text: '¿En qué te ayudo?', optionId: 'opcion', optionTitle: 'Opción {n}' },
  pt: { text: 'Como posso ajudar?', optionId: 'opcao', optionTitle: 'Opção {n}' },
  en: { text: 'How can I help you?', optionId: 'option', optionTitle: 'Option {n}' },
});

export function createMenu(locale: Locale): NodeData<'menu'> {
  const { text, optionId, optionTitle } = copy[locale];
  const option = (n: number) => ({ id: `${optionId}_${n}`, title: optionTitle.replace('{n}', String(n)) });
  return { text, options: [option(1), option(2)] };
}
