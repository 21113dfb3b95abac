import { defineMessages } from './index.ts';
import { translatePlural } from './plural.ts';

const messages = defineMessages({
  es: { errors_one: '{count} error', errors_other: '{count} errores', of_other: '{count} de {total}' },
  pt: { errors_one: '{count} erro', errors_other: '{count} erros', of_other: '{count} de {total}' },
  en: { errors_one: '{count} error', errors_other: '{count} errors', of_other: '{count} of {total}' },
});

describe('plural strings', () => {
  it('picks the form the language uses for the count (zero is plural in Spanish and English, singular in Portuguese)', () => {
    const forms = (locale: 'es' | 'pt' | 'en') => [0, 1, 2].map((count) => translatePlural(messages, locale)('errors', count));
    expect(forms('es')).toEqual(['0 errores', '1 error', '2 errores']);
    expect(forms('en')).toEqual(['0 errors', '1 error', '2 errors']);
    expect(forms('pt')).toEqual(['0 erro', '1 erro', '2 erros']);
  });

  it('falls back to the _other form and fills the other params', () => {
    expect(translatePlural(messages, 'en')('of', 1, { total: 3 })).toBe('1 of 3');
  });
});
