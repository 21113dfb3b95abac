import type { FlowDocument } from '../../../schema/index.ts';

/** The fixture bots, each loaded only when the "new flow" dialog asks for it (kept out of the main bundle). */
const fixtureLoaders = import.meta.glob<FlowDocument>('../../../fixtures/flows/*.json', { import: 'default' });

export interface FlowTemplate { key: string; load(): Promise<FlowDocument> }

/** Every fixture bot offered as a template, by file name. */
export function flowTemplates(): FlowTemplate[] {
  return Object.entries(fixtureLoaders)
    .map(([path, load]) => ({ key: path.replace(/^.*\/|\.json$/g, ''), load }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * A new flow: one welcome message as the start node (a document needs a start). The version is a
 * literal, not CURRENT_SCHEMA_VERSION, so the list page does not load the schema and its validator;
 * the FlowDocument type still fails the build if the version moves.
 */
export function blankFlow(welcome: string): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'blank',
    name: 'blank',
    language: 'es',
    startNodeId: 'bienvenida',
    nodes: [{ id: 'bienvenida', type: 'message', position: { x: 0, y: 0 }, data: { text: welcome } }],
    edges: [],
  };
}
