import type { ErrorObject } from 'ajv';
import { ID_PATTERN, VARIABLE_PATTERN } from '../common.ts';
import { fieldAt, typeTerm, type ProblemCode, type ProblemField, type ProblemParams } from '../problems.ts';
import { NODE_KINDS } from '../registry.ts';
import { pointerSegment, type ProblemList, type ProblemPlace } from './problem-list.ts';

type Found = { code: ProblemCode; pointer: string; params: Omit<ProblemParams, 'field'> };

/**
 * Turns ajv's errors (from the `allErrors` validator) into problems an analyst can act on:
 * which node or edge, which field, what is wrong. Errors inside a union of literals
 * (`method: GET | POST …`) collapse into one "not allowed, valid values are …".
 */
export function translateSchemaErrors(errors: readonly ErrorObject[], document: unknown, problems: ProblemList): void {
  const unions = errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
  const insideUnion = (error: ErrorObject) => unions.some((union) => union !== error && error.schemaPath.startsWith(`${union.schemaPath}/`));
  const seen = new Set<string>();
  const nodesWithTypeError = new Set(errors.filter((e) => /^\/nodes\/\d+(\/type)?$/.test(e.instancePath) && e.keyword !== 'discriminator').map((e) => e.instancePath.replace(/\/type$/, '')));
  for (const error of errors) {
    if (insideUnion(error)) continue;
    if (error.keyword === 'discriminator' && error.params.error === 'tag' && nodesWithTypeError.has(error.instancePath)) continue;
    const found = translate(error, errors, document);
    const key = `${found.code} ${found.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.add(found.code, placeOf(found.pointer, document), { field: fieldIn(found.pointer, document), ...found.params });
  }
}

function translate(error: ErrorObject, all: readonly ErrorObject[], document: unknown): Found {
  const at = error.instancePath;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'discriminator':
      return p.error === 'mapping'
        ? { code: 'unknown_node_type', pointer: `${at}/type`, params: { type: String(p.tagValue), kinds: NODE_KINDS.join(', ') } }
        : { code: 'missing_field', pointer: `${at}/type`, params: {} };
    case 'required': return { code: 'missing_field', pointer: `${at}/${String(p.missingProperty)}`, params: {} };
    case 'additionalProperties':
      return { code: 'unknown_field', pointer: `${at}/${pointerSegment(String(p.additionalProperty))}`, params: { name: String(p.additionalProperty), container: fieldIn(at, document) } };
    case 'type': return { code: 'wrong_type', pointer: at, params: { expected: typeTerm(String(p.type)) } };
    case 'maxLength': return { code: 'too_long', pointer: at, params: { max: Number(p.limit) } };
    case 'minLength': return { code: 'too_short', pointer: at, params: { min: Number(p.limit) } };
    case 'minItems': return { code: 'too_few_items', pointer: at, params: { min: Number(p.limit) } };
    case 'maxItems': return { code: 'too_many_items', pointer: at, params: { max: Number(p.limit) } };
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return { code: 'out_of_range', pointer: at, params: { comparison: String(p.comparison), limit: Number(p.limit) } };
    case 'pattern': {
      const code = p.pattern === ID_PATTERN ? 'invalid_id' : p.pattern === VARIABLE_PATTERN ? 'invalid_variable_name' : 'pattern_mismatch';
      return { code, pointer: at, params: { pattern: String(p.pattern) } };
    }
    case 'const': return { code: 'not_allowed_value', pointer: at, params: { allowed: JSON.stringify(p.allowedValue) } };
    case 'enum': return { code: 'not_allowed_value', pointer: at, params: { allowed: (p.allowedValues as unknown[]).join(', ') } };
    case 'anyOf': case 'oneOf': {
      const allowed = all
        .filter((inner) => inner.keyword === 'const' && inner.schemaPath.startsWith(`${error.schemaPath}/`))
        .map((inner) => String(inner.params.allowedValue));
      return { code: 'not_allowed_value', pointer: at, params: { allowed: allowed.join(', ') || (error.message ?? '') } };
    }
    default:
      // A keyword the flow schema does not use today; ajv's own words still say what is wrong.
      return { code: 'not_allowed_value', pointer: at, params: { allowed: error.message ?? error.keyword } };
  }
}

/** `/nodes/3/data/text` → the list (`nodes` or `edges`) and the index the pointer falls in. */
const ITEM_POINTER = /^\/(nodes|edges)\/(\d+)(?:\/|$)/;

/**
 * The nodes and edges (by index) that ajv found errors in: with `allErrors`, every node or edge
 * that breaks its schema has at least one error under its pointer, so the rest are sound.
 */
export function brokenItems(errors: readonly ErrorObject[]): { nodes: Set<number>; edges: Set<number> } {
  const broken = { nodes: new Set<number>(), edges: new Set<number>() };
  for (const error of errors) {
    const match = ITEM_POINTER.exec(error.instancePath);
    if (match) broken[match[1] as 'nodes' | 'edges'].add(Number(match[2]));
  }
  return broken;
}

/** The node or edge a pointer falls in, by the id written in the document (if it has one). */
export function placeOf(pointer: string, document: unknown): ProblemPlace {
  const found = itemAt(pointer, document);
  const id = found?.item.id;
  if (found === undefined || typeof id !== 'string') return { pointer };
  return found.list === 'nodes' ? { pointer, nodeId: id } : { pointer, edgeId: id };
}

/** A field param: inside a node, named by the labels of the kind the document gives it. */
function fieldIn(pointer: string, document: unknown): ProblemField {
  const found = itemAt(pointer, document);
  const kind = found?.list === 'nodes' ? found.item.type : undefined;
  return fieldAt(pointer, typeof kind === 'string' ? kind : undefined);
}

function itemAt(pointer: string, document: unknown): { list: 'nodes' | 'edges'; item: Record<string, unknown> } | undefined {
  const match = ITEM_POINTER.exec(pointer);
  if (!match) return undefined;
  const list = (document as Record<string, unknown>)[match[1]!];
  const item: unknown = Array.isArray(list) ? list[Number(match[2])] : undefined;
  return typeof item === 'object' && item !== null ? { list: match[1] as 'nodes' | 'edges', item: item as Record<string, unknown> } : undefined;
}
