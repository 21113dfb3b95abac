import { defineMessages, type Locale } from '../../i18n/index.ts';
import type { NodeData } from '../../../schema/index.ts';
import { freshId } from '../../store/ids.ts';

/** A menu's copy in the flow's language: the question of a new menu and the names of new options. */
const copy = defineMessages({
  es: { text: '¿En qué te ayudo?', optionId: 'opcion', optionTitle: 'Opción {n}' },
  pt: { text: 'Como posso ajudar?', optionId: 'opcao', optionTitle: 'Opção {n}' },
  en: { text: 'How can I help you?', optionId: 'option', optionTitle: 'Option {n}' },
});

type MenuOption = NodeData<'menu'>['options'][number];

/** The `n`th option of a menu in `locale` (`Opción 3`), with an id none of `options` has. */
export function newMenuOption(locale: Locale, options: readonly MenuOption[]): MenuOption {
  const { optionId, optionTitle } = copy[locale];
  const id = freshId(optionId, new Set(options.map((option) => option.id)), true);
  return { id, title: optionTitle.replace('{n}', String(options.length + 1)) };
}

/** A menu dropped from the palette: a question and two options (sent as reply buttons). */
export function createMenu(locale: Locale): NodeData<'menu'> {
  const first = newMenuOption(locale, []);
  return { text: copy[locale].text, options: [first, newMenuOption(locale, [first])] };
}
