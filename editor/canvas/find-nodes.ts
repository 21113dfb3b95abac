import type { FlowNode, NodeKind } from '../../schema/index.ts';

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function texts(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) texts(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) texts(item, into);
  return into;
}

/**
 * The nodes whose id, name, kind (as `kindLabel` names it: the card header's word, in the UI
 * language) or any text in their data (what the card shows: texts, option titles, branch labels…)
 * contains `query`, ignoring case and accents.
 * @example findNodes(flow.nodes, 'envio', label) // matches a menu option titled "Envío"
 * @example findNodes(flow.nodes, 'llamada', label) // every "Llamada API" node
 */
export function findNodes(nodes: readonly FlowNode[], query: string, kindLabel: (kind: NodeKind) => string): FlowNode[] {
  const needle = fold(query.trim());
  if (needle === '') return [];
  return nodes.filter((node) => texts(node.data, [node.id, node.label ?? '', kindLabel(node.type)]).some((text) => fold(text).includes(needle)));
}
