import { defineMessages } from '../i18n/index.ts';

export const messages = defineMessages({
  es: {
    title: 'Problemas', none: 'Sin problemas: el flujo está listo para publicar', errors: '{count} errores', warnings: '{count} advertencias',
    flow: 'Flujo', error: 'Error', warning: 'Advertencia', collapse: 'Ocultar la lista de problemas', expand: 'Mostrar la lista de problemas',
  },
  pt: {
    title: 'Problemas', none: 'Sem problemas: o fluxo está pronto para publicar', errors: '{count} erros', warnings: '{count} avisos',
    flow: 'Fluxo', error: 'Erro', warning: 'Aviso', collapse: 'Ocultar a lista de problemas', expand: 'Mostrar a lista de problemas',
  },
  en: {
    title: 'Problems', none: 'No problems: the flow is ready to publish', errors: '{count} errors', warnings: '{count} warnings',
    flow: 'Flow', error: 'Error', warning: 'Warning', collapse: 'Hide the problem list', expand: 'Show the problem list',
  },
});
