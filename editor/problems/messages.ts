import { defineMessages } from '../i18n/index.ts';

export const messages = defineMessages({
  es: { title: 'Problemas', none: 'Sin problemas: el flujo está listo para publicar', errors: '{count} errores', warnings: '{count} advertencias', flow: 'Flujo', error: 'Error', warning: 'Advertencia' },
  pt: { title: 'Problemas', none: 'Sem problemas: o fluxo está pronto para publicar', errors: '{count} erros', warnings: '{count} avisos', flow: 'Fluxo', error: 'Erro', warning: 'Aviso' },
  en: { title: 'Problems', none: 'No problems: the flow is ready to publish', errors: '{count} errors', warnings: '{count} warnings', flow: 'Flow', error: 'Error', warning: 'Warning' },
});
