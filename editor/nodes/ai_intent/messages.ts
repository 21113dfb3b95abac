import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    question: 'Pregunta previa (opcional)', questionHint: 'Sin pregunta, clasifica el último mensaje del cliente',
    intents: 'Intenciones', intent: 'Intención {n}', id: 'Id (lo recibe la variable)', description: 'Descripción', examples: 'Ejemplos (uno por línea)',
    addIntent: 'Agregar intención', minConfidence: 'Confianza mínima (0 a 1)', variable: 'Guardar la intención en la variable (opcional)',
    exampleCount: '{count} ejemplos',
  },
  pt: {
    question: 'Pergunta antes (opcional)', questionHint: 'Sem pergunta, classifica a última mensagem do cliente',
    intents: 'Intenções', intent: 'Intenção {n}', id: 'Id (vai para a variável)', description: 'Descrição', examples: 'Exemplos (um por linha)',
    addIntent: 'Adicionar intenção', minConfidence: 'Confiança mínima (0 a 1)', variable: 'Salvar a intenção na variável (opcional)',
    exampleCount: '{count} exemplos',
  },
  en: {
    question: 'Question first (optional)', questionHint: 'Without a question it classifies the customer’s last message',
    intents: 'Intents', intent: 'Intent {n}', id: 'Id (stored in the variable)', description: 'Description', examples: 'Examples (one per line)',
    addIntent: 'Add intent', minConfidence: 'Minimum confidence (0 to 1)', variable: 'Store the intent in the variable (optional)',
    exampleCount: '{count} examples',
  },
});
