import { dataFieldName } from '../../schema/index.ts';
import { defineMessages, useLocale, useT, type Locale } from '../i18n/index.ts';

/** The words for the paths the server's diff names (server/flows/diff-flows.ts) outside a node's data. */
const messages = defineMessages({
  es: {
    type: 'tipo de bloque', label: 'nombre', position: 'posición', data: 'contenido',
    // The flow's own fields (the diff's `fields`).
    name: 'nombre del flujo', description: 'descripción', language: 'idioma', startNodeId: 'bloque de inicio', variables: 'variables', settings: 'ajustes',
  },
  pt: {
    type: 'tipo de bloco', label: 'nome', position: 'posição', data: 'conteúdo',
    name: 'nome do fluxo', description: 'descrição', language: 'idioma', startNodeId: 'bloco de início', variables: 'variáveis', settings: 'configurações',
  },
  en: {
    type: 'block type', label: 'name', position: 'position', data: 'content',
    name: 'flow name', description: 'description', language: 'language', startNodeId: 'start block', variables: 'variables', settings: 'settings',
  },
});

/** A field's label without its article, as a list of changes reads: «el texto» → «texto». */
const ARTICLE: Record<Locale, RegExp> = { es: /^(el|la|los|las) /, pt: /^(o|a|os|as) /, en: /^the / };

/**
 * The diff's changed paths in words, without repeats (`['data.text', 'data.options']` → "texto, opciones"):
 * a node's data fields as the kinds' manifests name them, `settings.maxStepsPerTurn` as settings, and a
 * path with no word as its last part.
 */
export function useFieldWords(): (paths: readonly string[]) => string {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  return (paths) => {
    const words = paths.map((path) => {
      const dataField = path.startsWith('data.') ? dataFieldName(path.slice('data.'.length), locale) : undefined;
      if (dataField !== undefined) return dataField.replace(ARTICLE[locale], '');
      const key = path.startsWith('settings.') ? 'settings' : path;
      return key in messages.es ? t(key as keyof typeof messages.es) : path.split('.').at(-1) ?? path;
    });
    return [...new Set(words)].join(', ');
  };
}
