import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: { farewell: 'Mensaje de despedida (opcional)', ends: 'La conversación termina aquí' },
  pt: { farewell: 'Mensagem de despedida (opcional)', ends: 'A conversa termina aqui' },
  en: { farewell: 'Goodbye message (optional)', ends: 'The conversation ends here' },
});
