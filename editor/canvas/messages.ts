import { defineMessages } from '../i18n/index.ts';

export const messages = defineMessages({
  es: {
    palette: 'Bloques', paletteHint: 'Arrastrá un bloque al lienzo o hacé clic para agregarlo', start: 'Inicio',
    undo: 'Deshacer (Ctrl+Z)', redo: 'Rehacer (Ctrl+Shift+Z)', layout: 'Ordenar automáticamente', fitView: 'Ver todo',
    find: 'Buscar un nodo…', findCount: '{current} de {total}', findNone: 'Sin resultados', close: 'Cerrar',
    problems: '{count} problemas', readOnly: 'Solo lectura', active: 'Conversación aquí',
    added: 'Nuevo', removed: 'Eliminado', changed: 'Cambiado', makeStart: 'Inicio', duplicate: 'Duplicar', delete: 'Eliminar',
  },
  pt: {
    palette: 'Blocos', paletteHint: 'Arraste um bloco para a tela ou clique para adicioná-lo', start: 'Início',
    undo: 'Desfazer (Ctrl+Z)', redo: 'Refazer (Ctrl+Shift+Z)', layout: 'Organizar automaticamente', fitView: 'Ver tudo',
    find: 'Buscar um nó…', findCount: '{current} de {total}', findNone: 'Sem resultados', close: 'Fechar',
    problems: '{count} problemas', readOnly: 'Somente leitura', active: 'Conversa aqui',
    added: 'Novo', removed: 'Removido', changed: 'Alterado', makeStart: 'Início', duplicate: 'Duplicar', delete: 'Excluir',
  },
  en: {
    palette: 'Blocks', paletteHint: 'Drag a block onto the canvas or click to add it', start: 'Start',
    undo: 'Undo (Ctrl+Z)', redo: 'Redo (Ctrl+Shift+Z)', layout: 'Arrange automatically', fitView: 'Fit view',
    find: 'Find a node…', findCount: '{current} of {total}', findNone: 'No results', close: 'Close',
    problems: '{count} problems', readOnly: 'Read only', active: 'Conversation here',
    added: 'New', removed: 'Removed', changed: 'Changed', makeStart: 'Start', duplicate: 'Duplicate', delete: 'Delete',
  },
});
