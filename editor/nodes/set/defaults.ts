import { defineMessages, type Locale } from '../../i18n/index.ts';
import type { NodeData } from '../../../schema/index.ts';

/** A "set variables" node dropped from the palette: one assignment to a variable named in the flow's language. */
const copy = defineMessages({
  es: { variable: 'variable' },
  pt: { variable: 'variavel' },
  en: { variable: 'variable' },
});

export function createSet(locale: Locale): NodeData<'set'> {
  return { assignments: [{ variable: copy[locale].variable, value: '' }] };
}
