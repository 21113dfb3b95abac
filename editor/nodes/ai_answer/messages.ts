import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    tryTitle: 'Probar una pregunta', tryQuestion: 'Pregunta', tryPlaceholder: '¿Abren los domingos?', tryIt: 'Probar', trying: 'Respondiendo…',
    tryUnavailable: 'Para probar preguntas hace falta poder editar el flujo.', failed: 'No se pudo probar: {error}',
    outcomeAnswered: 'Respondería', outcomeUnknown: 'Sin respuesta: saldría por «Sin respuesta»', confidence: 'Confianza {value}', entryUsed: 'Entrada usada: {title}',
    question: 'Pregunta previa (opcional)', questionHint: 'Sin pregunta, responde el último mensaje del cliente',
    minConfidence: 'Confianza mínima (0 a 1)', variable: 'Guardar la respuesta en la variable (opcional)',
    answersFrom: 'Responde solo con el conocimiento del flujo ({count} entradas); si no sabe, sale por «Sin respuesta».',
    noKnowledge: 'El flujo todavía no tiene conocimiento: cargalo en el panel Conocimiento.',
  },
  pt: {
    tryTitle: 'Testar uma pergunta', tryQuestion: 'Pergunta', tryPlaceholder: 'Vocês abrem aos domingos?', tryIt: 'Testar', trying: 'Respondendo…',
    tryUnavailable: 'Para testar perguntas é preciso poder editar o fluxo.', failed: 'Não foi possível testar: {error}',
    outcomeAnswered: 'Responderia', outcomeUnknown: 'Sem resposta: sairia por «Sem resposta»', confidence: 'Confiança {value}', entryUsed: 'Entrada usada: {title}',
    question: 'Pergunta antes (opcional)', questionHint: 'Sem pergunta, responde a última mensagem do cliente',
    minConfidence: 'Confiança mínima (0 a 1)', variable: 'Salvar a resposta na variável (opcional)',
    answersFrom: 'Responde só com o conhecimento do fluxo ({count} entradas); se não souber, sai por «Sem resposta».',
    noKnowledge: 'O fluxo ainda não tem conhecimento: carregue-o no painel Conhecimento.',
  },
  en: {
    tryTitle: 'Try a question', tryQuestion: 'Question', tryPlaceholder: 'Are you open on Sundays?', tryIt: 'Try it', trying: 'Answering…',
    tryUnavailable: 'Trying questions needs permission to edit the flow.', failed: 'Could not try it: {error}',
    outcomeAnswered: 'Would answer', outcomeUnknown: 'No answer: it would leave through “No answer”', confidence: 'Confidence {value}', entryUsed: 'Entry used: {title}',
    question: 'Question first (optional)', questionHint: 'Without a question it answers the customer’s last message',
    minConfidence: 'Minimum confidence (0 to 1)', variable: 'Store the answer in the variable (optional)',
    answersFrom: 'Answers only from the flow’s knowledge ({count} entries); when it does not know, it leaves through “No answer”.',
    noKnowledge: 'The flow has no knowledge yet: add it in the Knowledge panel.',
  },
});
