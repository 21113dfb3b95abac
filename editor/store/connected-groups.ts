import type { FlowDocument } from '../../schema/index.ts';

/** The document's nodes split into the parts edges connect (either direction), each in document order. */
export function connectedGroups(document: FlowDocument): string[][] {
  const parent = new Map(document.nodes.map((node) => [node.id, node.id]));
  const root = (id: string): string => {
    let current = id;
    while (parent.get(current) !== current) current = parent.get(current)!;
    parent.set(id, current);
    return current;
  };
  for (const edge of document.edges) {
    if (parent.has(edge.source) && parent.has(edge.target)) parent.set(root(edge.source), root(edge.target));
  }
  const groups = new Map<string, string[]>();
  for (const node of document.nodes) {
    const key = root(node.id);
    groups.set(key, [...(groups.get(key) ?? []), node.id]);
  }
  return [...groups.values()];
}
