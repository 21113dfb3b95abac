import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    fallbackTemplate: 'Plantilla si se cerró la ventana de 24 h',
    fallbackNone: 'Ninguna: lo que diga queda retenido',
    fallbackHint: 'Pasadas 24 h del último mensaje del cliente, WhatsApp solo acepta plantillas: este nodo envía esta en lugar de su texto (su recordatorio, su repregunta). Sin ella, vale la del flujo; sin ninguna, el mensaje queda retenido.',
    fallbackNotSynced: '{name} · {language} (no está entre las leídas de Meta)',
  },
  pt: {
    fallbackTemplate: 'Modelo se a janela de 24 h fechou',
    fallbackNone: 'Nenhum: o que disser fica retido',
    fallbackHint: 'Passadas 24 h da última mensagem do cliente, o WhatsApp só aceita modelos: este nó envia este no lugar do seu texto (o lembrete, a nova pergunta). Sem ele, vale o do fluxo; sem nenhum, a mensagem fica retida.',
    fallbackNotSynced: '{name} · {language} (não está entre os lidos da Meta)',
  },
  en: {
    fallbackTemplate: 'Template once the 24-hour window closed',
    fallbackNone: 'None: what it says is held',
    fallbackHint: 'Over 24 hours after the customer\'s last message WhatsApp only takes templates: this node sends this one instead of its text (its reminder, its re-prompt). Without one, the flow\'s applies; with none, the message is held.',
    fallbackNotSynced: '{name} · {language} (not among those read from Meta)',
  },
});
