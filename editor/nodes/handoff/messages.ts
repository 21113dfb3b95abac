import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: { text: 'Aviso al cliente (opcional)', queue: 'Cola de atención', note: 'Nota para el agente', waits: 'Espera a que un agente resuelva', queueLabel: 'Cola: {queue}' },
  pt: { text: 'Aviso ao cliente (opcional)', queue: 'Fila de atendimento', note: 'Nota para o agente', waits: 'Aguarda um agente resolver', queueLabel: 'Fila: {queue}' },
  en: { text: 'Notice to the customer (optional)', queue: 'Queue', note: 'Note for the agent', waits: 'Waits until an agent resolves it', queueLabel: 'Queue: {queue}' },
});
