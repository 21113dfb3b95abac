import { nodeLiteralFields } from '../registry.ts';
import { CURRENCY_CODE_PATTERN, placeholderParts } from '../template-format.ts';
import type { FlowOutline } from './flow-outline.ts';
import { reachableFrom, type FlowGraph } from './graph.ts';
import { TEMPLATE_PATTERN } from './field-checks.ts';
import { pointerSegment, type ProblemList } from './problem-list.ts';

/** Template names the runtime always provides (docs/flow-format.md); `secrets.*` too. */
const BUILT_INS = new Set(['contact.name', 'contact.phone', 'contact.username', 'message.text']);
const BUILT_IN_ROOTS = new Set(['contact', 'message']);

const CURRENCY_CODE = new RegExp(CURRENCY_CODE_PATTERN);

/**
 * Warns about `{{name}}` in a template when no node sets `name` and the flow does not declare it.
 * A dotted path (`{{pedido.items.0.nombre}}`) is checked by its first name. A format
 * (`{{fecha | fecha}}`) must be one of the catalogue's, and money needs a currency code.
 */
export function checkVariables(flow: FlowOutline, problems: ProblemList): void {
  const known = new Set(flow.declared);
  for (const node of flow.nodes) for (const name of node.sets) known.add(name);
  const isKnown = (path: string): boolean => {
    const root = path.split('.')[0]!;
    if (root === 'secrets') return true;
    // `contact.referral.*`: whatever Meta puts in a click-to-WhatsApp ad's referral (docs/whatsapp.md §1).
    if (BUILT_IN_ROOTS.has(root) && !known.has(root)) return BUILT_INS.has(path) || path.startsWith('contact.referral.');
    return known.has(root);
  };
  // The path to the current value, turned into a pointer only when a problem is found.
  const path: string[] = [];
  const visit = (value: unknown, nodeId: string): void => {
    if (typeof value === 'string') {
      if (value.includes('{{')) checkTemplate(value, nodeId);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(String(i));
        visit(value[i], nodeId);
        path.pop();
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        path.push(key);
        visit((value as Record<string, unknown>)[key], nodeId);
        path.pop();
      }
    }
  };
  const checkTemplate = (text: string, nodeId: string): void => {
    let reported: string[] | undefined;
    const at = () => ({ pointer: `/${path.map(pointerSegment).join('/')}`, nodeId });
    for (const match of text.matchAll(TEMPLATE_PATTERN)) {
      const { path: variable, formatName, format, argument } = placeholderParts(match[1]!);
      if (formatName !== undefined && format === undefined) {
        problems.add('unknown_format', at(), { format: formatName });
      } else if (format === 'currency' && !CURRENCY_CODE.test(argument || flow.currency || '')) {
        problems.add('currency_needed', at(), { variable, code: argument ?? '' });
      }
      if (variable === '' || isKnown(variable) || reported?.includes(variable)) continue;
      (reported ??= []).push(variable);
      problems.add('undefined_variable', at(), { variable });
    }
  };
  flow.nodes.forEach((node, index) => {
    if (typeof node.data !== 'object' || node.data === null) return;
    const literal = nodeLiteralFields(node.type);
    for (const key in node.data) {
      if (literal.includes(key)) continue;
      path.push('nodes', String(index), 'data', key);
      visit((node.data as Record<string, unknown>)[key], node.id);
      path.length = 0;
    }
  });
}

/**
 * Where a node's data names the variables it stores: every string under a `variable` key (a
 * question's `variable`, a form's `outputs.0.variable`…), as a path into the data.
 * @example variableFields({ variable: 'nombre' }) // [{ path: ['variable'], name: 'nombre' }]
 */
export function variableFields(data: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number>; name: string }> {
  if (Array.isArray(data)) return data.flatMap((item, index) => variableFields(item, [...path, index]));
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).flatMap(([key, value]) =>
    key === 'variable' && typeof value === 'string' ? [{ path: [...path, key], name: value }] : variableFields(value, [...path, key]));
}

/** Outputs a waiting node leaves through without an answer stored: nothing was overwritten yet. */
const UNANSWERED_OUTPUTS = new Set(['invalid', 'timeout', 'fallback']);

/**
 * Warns when a node that waits for the customer's answer stores it in a variable that another such
 * node, answered earlier on a path to it, has stored: the later answer silently replaces the first
 * (a second question left on the first one's `nombre`). Asking again after a timeout or an invalid
 * answer is not a reuse; assignments and API results overwrite on purpose and are left alone.
 */
export function checkReusedVariables(flow: FlowOutline, graph: FlowGraph, problems: ProblemList): void {
  const askers = flow.nodes.filter((node) => node.sound && node.waits && node.sets.length > 0);
  if (askers.length < 2) return;
  const edgeTarget = new Map(flow.edges.flatMap((edge) => (edge ? [[edge.id, edge.target] as const] : [])));
  // Walked once per node, not once per pair: a form's data is large and a big flow has hundreds of askers.
  const fieldsOf = new Map(askers.map((node) => [node.id, variableFields(node.data)]));
  const askersStoring = new Map<string, number>();
  for (const fields of fieldsOf.values()) {
    for (const name of new Set(fields.map((field) => field.name))) askersStoring.set(name, (askersStoring.get(name) ?? 0) + 1);
  }
  // Only a name another asker also stores can be reused: the paths from the others need no walk.
  const sharesAName = (node: FlowOutline['nodes'][number]) => node.sets.some((name) => {
    const own = fieldsOf.get(node.id)!.some((field) => field.name === name) ? 1 : 0;
    return (askersStoring.get(name) ?? 0) - own > 0;
  });
  const reported = new Set<string>();
  for (const first of askers) {
    if (!sharesAName(first)) continue;
    const answered = [...(graph.outputs.get(first.id) ?? [])]
      .flatMap(([output, edgeId]) => (UNANSWERED_OUTPUTS.has(output) || edgeId === undefined ? [] : [edgeTarget.get(edgeId)!]));
    const after = reachableFrom(answered, graph);
    for (const later of askers) {
      if (later === first || !after.has(later.id)) continue;
      const index = graph.nodeAt.get(later.id)!;
      for (const field of fieldsOf.get(later.id)!) {
        const pointer = `/nodes/${index}/data/${field.path.map(pointerSegment).join('/')}`;
        if (field.name === '' || !first.sets.includes(field.name) || reported.has(pointer)) continue;
        reported.add(pointer);
        problems.add('variable_reused', { pointer, nodeId: later.id }, { variable: field.name, node: first.id });
      }
    }
  }
}
