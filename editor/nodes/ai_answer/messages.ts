import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    question: 'Pregunta previa (opcional)', questionHint: 'Sin pregunta, responde el último mensaje del cliente',
    minConfidence: 'Confianza mínima (0 a 1)', variable: 'Guardar la respuesta en la variable (opcional)',
    answersFrom: 'Responde solo con el conocimiento del flujo ({count} entradas); si no sabe, sale por «Sin respuesta».',
    noKnowledge: 'El flujo todavía no tiene conocimiento: cargalo en el panel Conocimiento.',
  },
  pt: {
    question: 'Pergunta antes (opcional)', questionHint: 'Sem pergunta, responde a última mensagem do cliente',
    minConfidence: 'Confiança mínima (0 a 1)', variable: 'Salvar a resposta na variável (opcional)',
    answersFrom: 'Responde só com o conhecimento do fluxo ({count} entradas); se não souber, sai por «Sem resposta».',
    noKnowledge: 'O fluxo ainda não tem conhecimento: carregue-o no painel Conhecimento.',
  },
  en: {
    question: 'Question first (optional)', questionHint: 'Without a question it answers the customer’s last message',
    minConfidence: 'Minimum confidence (0 to 1)', variable: 'Store the answer in the variable (optional)',
    answersFrom: 'Answers only from the flow’s knowledge ({count} entries); when it does not know, it leaves through “No answer”.',
    noKnowledge: 'The flow has no knowledge yet: add it in the Knowledge panel.',
  },
});
