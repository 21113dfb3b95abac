import type { NodeData } from '../../../schema/index.ts';
import { TEMPLATE_PATTERN } from '../../../schema/validate/field-checks.ts';

/** Placeholders the server fills itself: the contact, the last message and the secrets. */
const BUILT_IN_ROOTS = new Set(['contact', 'message', 'secrets']);

/**
 * The flow variables a request's templates read (`{{pedido.id}}` reads `pedido`), in order of
 * first use: what "try it" asks sample values for.
 * @example sampleVariableNames({ method: 'GET', url: 'https://x/{{pedido.id}}?k={{secrets.K}}' }) // ['pedido']
 */
export function sampleVariableNames(data: NodeData<'api_call'>): string[] {
  const texts = [data.url, ...(data.headers ?? []).map((header) => header.value), data.body ?? ''];
  const names = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(TEMPLATE_PATTERN)) {
      const root = match[1]!.split('.')[0]!.trim();
      if (root !== '' && !BUILT_IN_ROOTS.has(root)) names.add(root);
    }
  }
  return [...names];
}

/**
 * A typed sample value as the runtime would hold it: JSON for objects and arrays (so
 * `{{pedido.id}}` can reach inside), the text itself otherwise.
 * @example sampleValue('{"id": 7}') // { id: 7 }
 */
export function sampleValue(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
