import { defineMessages } from '../i18n/index.ts';

/** The canvas's analytics mode and a past conversation's lit path (editor/canvas/NodeOverlay.tsx). */
export const messages = defineMessages({
  es: {
    entered: 'Entraron', dropped: 'Abandonaron', dropRate: '{percent} de los que entraron abandonaron acá',
    sent: 'Enviados', delivered: 'Entregados', read: 'Leídos', failed: 'Fallaron',
    step: 'Paso {step} de la conversación', edgeCount: '{count} pasaron por esta conexión',
  },
  pt: {
    entered: 'Entraram', dropped: 'Abandonaram', dropRate: '{percent} dos que entraram abandonaram aqui',
    sent: 'Enviadas', delivered: 'Entregues', read: 'Lidas', failed: 'Falharam',
    step: 'Passo {step} da conversa', edgeCount: '{count} passaram por esta conexão',
  },
  en: {
    entered: 'Entered', dropped: 'Dropped', dropRate: '{percent} of those who entered gave up here',
    sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Failed',
    step: 'Step {step} of the conversation', edgeCount: '{count} went through this connection',
  },
});
