import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    input: 'Tipo de respuesta', text: 'Texto libre', number: 'Número', email: 'Email', phone: 'Teléfono', date: 'Fecha', regex: 'Patrón (regex)',
    pattern: 'Patrón (expresión regular)', minLength: 'Largo mínimo', maxLength: 'Largo máximo', minValue: 'Valor mínimo', maxValue: 'Valor máximo',
    invalidPattern: 'El patrón no es una expresión regular válida', storesIn: 'Guarda en {variable}',
  },
  pt: {
    input: 'Tipo de resposta', text: 'Texto livre', number: 'Número', email: 'E-mail', phone: 'Telefone', date: 'Data', regex: 'Padrão (regex)',
    pattern: 'Padrão (expressão regular)', minLength: 'Tamanho mínimo', maxLength: 'Tamanho máximo', minValue: 'Valor mínimo', maxValue: 'Valor máximo',
    invalidPattern: 'O padrão não é uma expressão regular válida', storesIn: 'Salva em {variable}',
  },
  en: {
    input: 'Answer type', text: 'Free text', number: 'Number', email: 'Email', phone: 'Phone', date: 'Date', regex: 'Pattern (regex)',
    pattern: 'Pattern (regular expression)', minLength: 'Minimum length', maxLength: 'Maximum length', minValue: 'Minimum value', maxValue: 'Maximum value',
    invalidPattern: 'The pattern is not a valid regular expression', storesIn: 'Stores in {variable}',
  },
});
