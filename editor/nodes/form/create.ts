import type { FormData } from './flow-json.ts';
import { screensPatch } from './flow-json.ts';

/** A one-screen form asking for a name: valid Flow JSON from the start. */
export function createForm(): FormData {
  const screens = [{
    id: 'SCREEN_A',
    title: 'Formulario',
    footerLabel: 'Enviar',
    components: [{ type: 'TextInput', name: 'nombre', label: 'Nombre', 'input-type': 'text', required: true }],
  }];
  const base: FormData = { text: '', cta: 'Completar', flowJson: { version: '7.3', screens: [] }, outputs: [] };
  const { flowJson, outputs } = screensPatch(base, screens);
  return { ...base, flowJson, outputs };
}
