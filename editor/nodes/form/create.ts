import { defineMessages, type Locale } from '../../i18n/index.ts';
import type { FormData } from './flow-json.ts';
import { screensPatch } from './flow-json.ts';

/** The copy of a new form, in the flow's language. */
const copy = defineMessages({
  es: { text: 'Necesitamos unos datos para seguir.', cta: 'Completar', title: 'Tus datos', footer: 'Enviar', field: 'nombre', label: 'Nombre' },
  pt: { text: 'Preencha seus dados, por favor.', cta: 'Preencher', title: 'Seus dados', footer: 'Enviar', field: 'nome', label: 'Nome' },
  en: { text: 'Please fill in your details.', cta: 'Fill in', title: 'Your details', footer: 'Send', field: 'name', label: 'Name' },
});

/** A one-screen form asking for a name: valid Flow JSON from the start. */
export function createForm(locale: Locale = 'es'): FormData {
  const { text, cta, title, footer, field, label } = copy[locale];
  const screens = [{
    id: 'SCREEN_A',
    title,
    footerLabel: footer,
    components: [{ type: 'TextInput', name: field, label, 'input-type': 'text', required: true }],
  }];
  const base: FormData = { text, cta, flowJson: { version: '7.3', screens: [] }, outputs: [] };
  const { flowJson, outputs } = screensPatch(base, screens);
  return { ...base, flowJson, outputs };
}
