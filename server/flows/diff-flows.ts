import { isDeepStrictEqual } from 'node:util';
import type { ElementChanges, FlowChanges } from '../../schema/api/versions.ts';
import type { FlowDocument } from '../../schema/index.ts';


/**
 * What changed from `from` to `to`, matching nodes and edges by id.
 * @example diffFlows(v1, v2).nodes // { added: [], removed: [], changed: ['menu'], fields: { menu: ['data.options'] } }
 */
export function diffFlows(from: FlowDocument, to: FlowDocument): FlowChanges {
  const { nodes: fromNodes, edges: fromEdges, ...fromRest } = from;
  const { nodes: toNodes, edges: toEdges, ...toRest } = to;
  return {
    fields: changedFields(fromRest, toRest, ['settings']),
    nodes: diffById(fromNodes, toNodes, ['data']),
    edges: diffById(fromEdges, toEdges, []),
  };
}

function diffById<Item extends { id: string }>(
  before: readonly Item[],
  after: readonly Item[],
  descend: readonly string[],
): ElementChanges {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const changes: ElementChanges = { added: [], removed: [], changed: [], fields: {} };
  for (const item of after) {
    const old = beforeById.get(item.id);
    if (!old) {
      changes.added.push(item.id);
      continue;
    }
    const fields = changedFields(old, item, descend);
    if (fields.length === 0) continue;
    changes.changed.push(item.id);
    changes.fields[item.id] = fields;
  }
  changes.removed = before.filter((item) => !afterIds.has(item.id)).map((item) => item.id);
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
