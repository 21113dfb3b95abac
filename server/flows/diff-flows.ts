import { isDeepStrictEqual } from 'node:util';
import type { FlowDocument, FlowEdge, FlowNode } from '../../schema/index.ts';

interface Changes<Item> {
  added: Item[];
  removed: Item[];
  /** Items in both, with the fields that differ (`data.text`, `position`, `target`, ...). */
  changed: Array<Item & { fields: string[] }>;
}

type NodeRef = { id: string; type: string };
type EdgeRef = { id: string; source: string; sourceHandle: string; target: string };

export interface FlowDiff {
  /** Document fields other than nodes and edges that differ (`name`, `settings.restartKeywords`, ...). */
  fields: string[];
  nodes: Changes<NodeRef>;
  edges: Changes<EdgeRef>;
}

/**
 * What changed from `from` to `to`, matching nodes and edges by id.
 * @example diffFlows(v1, v2).nodes.changed // [{ id: 'menu', type: 'menu', fields: ['data.options'] }]
 */
export function diffFlows(from: FlowDocument, to: FlowDocument): FlowDiff {
  const { nodes: fromNodes, edges: fromEdges, ...fromRest } = from;
  const { nodes: toNodes, edges: toEdges, ...toRest } = to;
  const nodeRef = (node: FlowNode): NodeRef => ({ id: node.id, type: node.type });
  const edgeRef = (edge: FlowEdge): EdgeRef =>
    ({ id: edge.id, source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target });
  return {
    fields: changedFields(fromRest, toRest, ['settings']),
    nodes: diffById(fromNodes, toNodes, nodeRef, (a, b) => changedFields(a, b, ['data'])),
    edges: diffById(fromEdges, toEdges, edgeRef, (a, b) => changedFields(a, b, [])),
  };
}

function diffById<Item extends { id: string }, Ref>(
  before: readonly Item[],
  after: readonly Item[],
  ref: (item: Item) => Ref,
  fieldsOf: (a: Item, b: Item) => string[],
): Changes<Ref> {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const changes: Changes<Ref> = { added: [], removed: [], changed: [] };
  for (const item of after) {
    const old = beforeById.get(item.id);
    if (!old) {
      changes.added.push(ref(item));
      continue;
    }
    const fields = fieldsOf(old, item);
    if (fields.length > 0) changes.changed.push({ ...ref(item), fields });
  }
  changes.removed = before.filter((item) => !afterIds.has(item.id)).map(ref);
  return changes;
}

/** Keys whose values differ; keys in `descend` are compared one level deeper (`data.text`). */
function changedFields(a: object, b: object, descend: readonly string[], prefix = ''): string[] {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return keys.flatMap((key) => {
    const [x, y] = [left[key], right[key]];
    if (isDeepStrictEqual(x, y)) return [];
    if (descend.includes(key) && isPlainObject(x) && isPlainObject(y)) return changedFields(x, y, [], `${prefix}${key}.`);
    return [`${prefix}${key}`];
  });
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
