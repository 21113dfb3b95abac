import { readFileSync } from 'node:fs';
import { readKnowledgeFile } from './read-document.ts';

/** A two-page PDF (Helvetica, WinAnsi accents), one topic per page, as a business's exported FAQ would be. */
const pdf = readFileSync(new URL('./testdata/horarios-y-pagos.pdf', import.meta.url));

describe('knowledge import of a PDF (the editor\'s path: unpdf, then the paragraph split)', () => {
  it('turns each page into an entry titled by its first line, with the accents and the file as source', async () => {
    const entries = await readKnowledgeFile(new File([pdf], 'horarios-y-pagos.pdf', { type: 'application/pdf' }));
    expect(entries).toEqual([
      {
        id: 'horarios-de-atencion',
        title: 'Horarios de atencion',
        text: 'Horarios de atencion\nAbrimos de lunes a sábado de 8 a 22.\nLos domingos abrimos de 9 a 14.',
        source: 'horarios-y-pagos.pdf',
      },
      {
        id: 'medios-de-pago',
        title: 'Medios de pago',
        text: 'Medios de pago\nAceptamos efectivo, tarjetas y Mercado Pago.\nNo aceptamos cheques.',
        source: 'horarios-y-pagos.pdf',
      },
    ]);
  });

  it('reads a file named .pdf as a PDF whatever type the browser gave it', async () => {
    const entries = await readKnowledgeFile(new File([pdf], 'FAQ.PDF'));
    expect(entries.map((entry) => entry.id)).toEqual(['horarios-de-atencion', 'medios-de-pago']);
  });
});
