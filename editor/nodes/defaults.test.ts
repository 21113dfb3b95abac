import { NODE_KINDS, validateFlow, type FlowDocument, type FlowNode } from '../../schema/index.ts';
import { contentLocale } from '../i18n/content-locale.ts';
import { LOCALES } from '../i18n/index.ts';
import { createEditorStore } from '../store/index.ts';
import { createNodeData } from './create-node-data.ts';

/** A flow whose start node is one freshly created node of `kind`, in `language`. */
function flowWith(kind: (typeof NODE_KINDS)[number], language: string): FlowDocument {
  const node = { id: 'nuevo', type: kind, position: { x: 0, y: 0 }, data: createNodeData(kind, language) } as FlowNode;
  return { schemaVersion: 1, id: 'defaults', name: 'Defaults', language, startNodeId: 'nuevo', nodes: [node], edges: [] };
}

describe('default node data', () => {
  for (const locale of LOCALES) {
    it(`every kind's default in ${locale} passes validation, WhatsApp limits included`, () => {
      for (const kind of NODE_KINDS) {
        // A lone node's graph warnings (outputs with no edge yet) are expected; any error, or a
        // warning about the node's data (a description a button would drop), is a bad default.
        const problems = validateFlow(flowWith(kind, locale)).problems
          .filter((problem) => problem.severity === 'error' || problem.pointer.startsWith('/nodes/0/data'));
        expect({ kind, problems }).toEqual({ kind, problems: [] });
      }
    });
  }

  it('writes the copy in the flow language, Spanish when the language is unset or unknown', () => {
    const menuText = (language?: string) => (createNodeData('menu', language)).text;
    expect(menuText('pt')).toBe('Como posso ajudar?');
    expect(menuText('en-GB')).toBe('How can I help you?');
    expect(menuText(undefined)).toBe('¿En qué te ayudo?');
    expect(menuText('fr')).toBe('¿En qué te ayudo?');
    expect(createNodeData('menu', 'pt').options.map((option) => option.title)).toEqual(['Opção 1', 'Opção 2']);
  });

  it('maps a document language to the locale of its copy', () => {
    expect([contentLocale('pt-BR'), contentLocale('en'), contentLocale('es-AR'), contentLocale('de'), contentLocale(undefined)])
      .toEqual(['pt', 'en', 'es', 'es', 'es']);
  });

  it('a node dropped from the palette follows the language of the open flow', () => {
    const store = createEditorStore({ document: { schemaVersion: 1, id: 'bot', name: 'Bot', language: 'en', startNodeId: '', nodes: [], edges: [] } });
    const id = store.getState().addNode('end', { x: 0, y: 0 })!;
    expect(store.getState().document.nodes.find((node) => node.id === id)!.data).toEqual({ text: 'Thanks for writing to us!' });
  });
});
