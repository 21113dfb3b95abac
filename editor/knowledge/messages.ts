import { defineMessages } from '../i18n/index.ts';

export const messages = defineMessages({
  es: {
    title: 'Conocimiento', hint: 'Lo que el bot sabe de tu negocio: los nodos «Respuesta IA» responden solo con estas entradas y citan la que usaron.',
    import: 'Importar Markdown, texto o PDF', importing: 'Importando…', imported: 'Se agregaron {count} entradas de «{file}».',
    importFailed: 'No se pudo leer «{file}»: {error}', nothingFound: '«{file}» no tiene texto para importar.',
    entry: 'Entrada {n}', add: 'Agregar entrada', id: 'Id (lo citan las respuestas)', entryTitle: 'Título', text: 'Texto',
    size: '{entries} entradas · {characters} de {max} caracteres', newTitle: 'Nueva entrada',
    tags: 'Otras palabras de tus clientes',
    tagsHint: 'Sinónimos, siglas o marcas con que tus clientes preguntan por este tema («amex», «posnet»): pesan más que el texto al buscar la respuesta.',
  },
  pt: {
    title: 'Conhecimento', hint: 'O que o bot sabe do seu negócio: os nós «Resposta IA» respondem só com estas entradas e citam a que usaram.',
    import: 'Importar Markdown, texto ou PDF', importing: 'Importando…', imported: 'Foram adicionadas {count} entradas de «{file}».',
    importFailed: 'Não foi possível ler «{file}»: {error}', nothingFound: '«{file}» não tem texto para importar.',
    entry: 'Entrada {n}', add: 'Adicionar entrada', id: 'Id (as respostas o citam)', entryTitle: 'Título', text: 'Texto',
    size: '{entries} entradas · {characters} de {max} caracteres', newTitle: 'Nova entrada',
    tags: 'Outras palavras dos seus clientes',
    tagsHint: 'Sinônimos, siglas ou marcas com que seus clientes perguntam por este assunto («amex», «maquininha»): pesam mais que o texto na busca da resposta.',
  },
  en: {
    title: 'Knowledge', hint: 'What the bot knows about your business: “AI answer” nodes answer only from these entries and cite the one they used.',
    import: 'Import Markdown, text or PDF', importing: 'Importing…', imported: 'Added {count} entries from “{file}”.',
    importFailed: 'Could not read “{file}”: {error}', nothingFound: '“{file}” has no text to import.',
    entry: 'Entry {n}', add: 'Add entry', id: 'Id (answers cite it)', entryTitle: 'Title', text: 'Text',
    size: '{entries} entries · {characters} of {max} characters', newTitle: 'New entry',
    tags: 'Other words your customers use',
    tagsHint: 'Synonyms, abbreviations or brands your customers ask about this topic with (“amex”, “card reader”): they weigh more than the text when the answer is looked up.',
  },
});
