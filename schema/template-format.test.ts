import { problemCatalogue } from './problems.ts';
import { formatNames, placeholderParts } from './template-format.ts';

describe('template formats', () => {
  it('splits a placeholder into path, format and argument, never evaluating anything', () => {
    expect(placeholderParts(' pedido.total ')).toEqual({ path: 'pedido.total' });
    expect(placeholderParts('total | Moneda : USD')).toEqual({ path: 'total', formatName: 'Moneda', format: 'currency', argument: 'USD' });
    expect(placeholderParts('total | número')).toMatchObject({ format: 'number' });
    expect(placeholderParts('x | constructor')).toEqual({ path: 'x', formatName: 'constructor' });
  });

  it('names every format in the unknown_format message of each language', () => {
    for (const language of ['es', 'pt', 'en'] as const) {
      for (const name of formatNames(language)) expect(problemCatalogue.unknown_format[language]).toContain(name);
    }
  });
});
