import { defineMessages } from '../i18n/index.ts';

/** The versions diff's ghosts (DiffGhosts.tsx): nodes the compared version no longer has. */
export const ghostMessages = defineMessages({
  es: { tag: 'Quitado', label: 'Nodo quitado {id} (solo para ver)' },
  pt: { tag: 'Removido', label: 'Nó removido {id} (somente leitura)' },
  en: { tag: 'Removed', label: 'Removed node {id} (read only)' },
});
