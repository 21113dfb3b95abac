import type { FlowNode } from '../../schema/index.ts';

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
 * The nodes whose id, label or any text in their data contains `query`, ignoring case and accents.
 * @example findNodes(flow.nodes, 'envio') // matches a menu option titled "Envío"
 */
export function findNodes(nodes: readonly FlowNode[], query: string): FlowNode[] {
  const needle = fold(query.trim());
  if (needle === '') return [];
  return nodes.filter((node) => texts(node.data, [node.id, node.label ?? '']).some((text) => fold(text).includes(needle)));
}
