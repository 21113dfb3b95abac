import type { FlowDocument, FlowNode, NodeKind, NodeData } from '../../schema/index.ts';

type NodeSpec = { [K in NodeKind]: { id: string; type: K; data: NodeData<K> } }[NodeKind];

/**
 * A small flow for tests: nodes in order (the first is the start), edges as
 * `[source, output, target]`.
 * @example testFlow([{ id: 'hola', type: 'end', data: { text: 'Hola' } }], [])
 */
export function testFlow(nodes: NodeSpec[], edges: Array<[string, string, string]>, extra: Partial<FlowDocument> = {}): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'prueba',
    name: 'Prueba',
    language: 'es',
    startNodeId: nodes[0]?.id ?? 'inicio',
    nodes: nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } }) as FlowNode),
    edges: edges.map(([source, sourceHandle, target]) => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target })),
    ...extra,
  };
}
