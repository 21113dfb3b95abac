import { CURRENT_SCHEMA_VERSION, type FlowDocument } from '../../schema/index.ts';

/** What the store holds before the shell loads a flow: no nodes, no start. */
export function emptyDocument(): FlowDocument {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, id: 'draft', name: 'draft', startNodeId: '', nodes: [], edges: [] };
}
