import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    input: 'Tipo de respuesta', text: 'Texto libre', number: 'Número', email: 'Email', phone: 'Teléfono', date: 'Fecha', regex: 'Patrón (regex)',
    pattern: 'Patrón (expresión regular)', minLength: 'Largo mínimo', maxLength: 'Largo máximo', minValue: 'Valor mínimo', maxValue: 'Valor máximo',
    invalidPattern: 'El patrón no es una expresión regular válida', storesIn: 'Guarda en {variable}',
    earliest: 'Desde', latest: 'Hasta', futureOnly: 'Solo desde hoy (sin fechas pasadas)',
    dateHint: 'Entiende 24/12/2026, «24 de diciembre», «mañana» o «el lunes». «Hoy» es la fecha en la zona horaria del flujo. Mostrala con {{variable | fecha}}.',
  },
  pt: {
    input: 'Tipo de resposta', text: 'Texto livre', number: 'Número', email: 'E-mail', phone: 'Telefone', date: 'Data', regex: 'Padrão (regex)',
    pattern: 'Padrão (expressão regular)', minLength: 'Tamanho mínimo', maxLength: 'Tamanho máximo', minValue: 'Valor mínimo', maxValue: 'Valor máximo',
    invalidPattern: 'O padrão não é uma expressão regular válida', storesIn: 'Salva em {variable}',
    earliest: 'De', latest: 'Até', futureOnly: 'Só a partir de hoje (sem datas passadas)',
    dateHint: 'Entende 24/12/2026, «24 de dezembro», «amanhã» ou «segunda». «Hoje» é a data no fuso horário do fluxo. Mostre-a com {{variavel | data}}.',
  },
  en: {
    input: 'Answer type', text: 'Free text', number: 'Number', email: 'Email', phone: 'Phone', date: 'Date', regex: 'Pattern (regex)',
    pattern: 'Pattern (regular expression)', minLength: 'Minimum length', maxLength: 'Maximum length', minValue: 'Minimum value', maxValue: 'Maximum value',
    invalidPattern: 'The pattern is not a valid regular expression', storesIn: 'Stores in {variable}',
    earliest: 'From', latest: 'Until', futureOnly: 'From today on (no past dates)',
    dateHint: "Understands 24/12/2026, \"24 December\", \"tomorrow\" or \"next monday\". \"Today\" is the date in the flow's time zone. Show it with {{variable | date}}.",
  },
});
