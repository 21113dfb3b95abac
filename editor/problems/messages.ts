import { defineMessages } from '../i18n/index.ts';

export const messages = defineMessages({
  es: {
    title: 'Problemas', none: 'Sin problemas: el flujo está listo para publicar', errors_zero: '0 errores', errors_one: '1 error', errors_other: '{count} errores', warnings_zero: '0 advertencias', warnings_one: '1 advertencia', warnings_other: '{count} advertencias',
    flow: 'Flujo', error: 'Error', warning: 'Advertencia', collapse: 'Ocultar la lista de problemas', expand: 'Mostrar la lista de problemas',
    moreTitle: 'Sin listar (se muestran los primeros {shown} de cada tipo)',
    moreOfCode_one: '1 más de {code} ({total} en total)', moreOfCode_other: '{count} más de {code} ({total} en total)',
  },
  pt: {
    title: 'Problemas', none: 'Sem problemas: o fluxo está pronto para publicar', errors_zero: '0 erros', errors_one: '1 erro', errors_other: '{count} erros', warnings_zero: '0 avisos', warnings_one: '1 aviso', warnings_other: '{count} avisos',
    flow: 'Fluxo', error: 'Erro', warning: 'Aviso', collapse: 'Ocultar a lista de problemas', expand: 'Mostrar a lista de problemas',
    moreTitle: 'Não listados (mostramos os primeiros {shown} de cada tipo)',
    moreOfCode_one: 'mais 1 de {code} ({total} no total)', moreOfCode_other: 'mais {count} de {code} ({total} no total)',
  },
  en: {
    title: 'Problems', none: 'No problems: the flow is ready to publish', errors_zero: '0 errors', errors_one: '1 error', errors_other: '{count} errors', warnings_zero: '0 warnings', warnings_one: '1 warning', warnings_other: '{count} warnings',
    flow: 'Flow', error: 'Error', warning: 'Warning', collapse: 'Hide the problem list', expand: 'Show the problem list',
    moreTitle: 'Not listed (the first {shown} of each kind are shown)',
    moreOfCode_one: '1 more {code} ({total} in all)', moreOfCode_other: '{count} more {code} ({total} in all)',
  },
});
