import { KNOWLEDGE_LIMITS } from './knowledge.ts';
import { splitIntoKnowledge } from './knowledge-import.ts';
import { validateFlow } from './validate/validate-flow.ts';

describe('splitting a document into knowledge entries', () => {
  it('makes one entry per ## heading, with the slug id, sub-headings kept in the text and the title heading left out', () => {
    const markdown = '# Farmacia Del Pueblo\n\n## Horarios de atención\nAbrimos de **lunes a sábado** de 8 a 22.\n\n### Feriados\nDe 9 a 14.\n\n## ¿Aceptan Pix?\nSí, también Pix.\n';
    expect(splitIntoKnowledge(markdown, 'faq.md')).toEqual([
      { id: 'horarios-de-atencion', title: 'Horarios de atención', text: 'Abrimos de *lunes a sábado* de 8 a 22.\n\n### Feriados\nDe 9 a 14.', source: 'faq.md' },
      { id: 'aceptan-pix', title: '¿Aceptan Pix?', text: 'Sí, también Pix.', source: 'faq.md' },
    ]);
  });

  it('takes an entry\'s tags from a line «Etiquetas:» (or Tags, Palabras clave, Palavras-chave, Keywords) and leaves them out of its text', () => {
    const markdown = '## Medios de pago\nAceptamos tarjetas y transferencias.\n\n*Etiquetas:* amex, posnet; Amex, cheque\n\n## Pix\nAceitamos Pix.\nPalavras-chave: chave pix\n\n## Envíos\nEn el día.\n';
    expect(splitIntoKnowledge(markdown)).toEqual([
      { id: 'medios-de-pago', title: 'Medios de pago', text: 'Aceptamos tarjetas y transferencias.', tags: ['amex', 'posnet', 'cheque'] },
      { id: 'pix', title: 'Pix', text: 'Aceitamos Pix.', tags: ['chave pix'] },
      { id: 'envios', title: 'Envíos', text: 'En el día.' },
    ]);
    const many = splitIntoKnowledge(`## A\nTexto.\nTags: ${Array.from({ length: 30 }, (_, i) => `t${i} ${'x'.repeat(60)}`).join(', ')}`);
    expect(many[0]!.tags).toHaveLength(KNOWLEDGE_LIMITS.tags);
    expect(many[0]!.tags!.every((tag) => tag.length <= KNOWLEDGE_LIMITS.tag)).toBe(true);
  });

  it('splits plain text (and text from a PDF) by paragraphs, each titled by its first line', () => {
    const text = 'Envíos a domicilio.\nLlevamos pedidos en el día dentro de 5 km.\r\n\r\nObras sociales: trabajamos con OSDE y PAMI.';
    expect(splitIntoKnowledge(text)).toEqual([
      { id: 'envios-a-domicilio', title: 'Envíos a domicilio', text: 'Envíos a domicilio.\nLlevamos pedidos en el día dentro de 5 km.' },
      { id: 'obras-sociales-trabajamos-con-osde-y-pami', title: 'Obras sociales: trabajamos con OSDE y PAMI', text: 'Obras sociales: trabajamos con OSDE y PAMI.' },
    ]);
  });

  it('keeps ids unique and cuts an entry over the limit into parts at paragraph ends; the result validates', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Párrafo ${i + 1}. ${'texto '.repeat(40)}`).join('\n\n');
    const entries = splitIntoKnowledge(`## Envíos\n${long}\n\n## Envíos\nOtra cosa.`);
    expect(entries.map((entry) => entry.id)).toEqual(['envios-1', 'envios-2', 'envios']);
    expect(entries.every((entry) => entry.text.length <= KNOWLEDGE_LIMITS.entryText)).toBe(true);
    expect(entries[1]!.text.startsWith('Párrafo')).toBe(true);
    const flow = { schemaVersion: 1, id: 'f', name: 'F', startNodeId: 'fin', nodes: [{ id: 'fin', type: 'end', position: { x: 0, y: 0 }, data: {} }], edges: [], knowledge: entries };
    expect(validateFlow(flow).problems).toEqual([]);
  });

  it('reports an entry text over the limit at its field', () => {
    const flow = { schemaVersion: 1, id: 'f', name: 'F', startNodeId: 'fin', nodes: [{ id: 'fin', type: 'end', position: { x: 0, y: 0 }, data: {} }], edges: [],
      knowledge: [{ id: 'a', title: 'A', text: 'x'.repeat(KNOWLEDGE_LIMITS.entryText + 1) }] };
    expect(validateFlow(flow, { locale: 'en' }).problems).toMatchObject([{ code: 'too_long', pointer: '/knowledge/0/text', message: 'The text of knowledge entry 1 allows at most 4000 characters.' }]);
  });
});
