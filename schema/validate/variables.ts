import { nodeLiteralFields } from '../registry.ts';
import { CURRENCY_CODE_PATTERN, placeholderParts } from '../template-format.ts';
import type { FlowOutline } from './flow-outline.ts';
import type { FlowGraph } from './graph.ts';
import { TEMPLATE_PATTERN } from './field-checks.ts';
import { pointerSegment, type ProblemList } from './problem-list.ts';

/** Template names the runtime always provides (docs/flow-format.md); `secrets.*` too. */
const BUILT_INS = new Set(['contact.name', 'contact.phone', 'contact.username', 'message.text']);
const BUILT_IN_ROOTS = new Set(['contact', 'message', 'order']);

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
    // `order.*`: the catalog order the customer sent (docs/flow-format.md, "Behaviour").
    if (BUILT_IN_ROOTS.has(root) && !known.has(root)) return BUILT_INS.has(path) || path.startsWith('contact.referral.') || root === 'order';
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
  const order = new Map(askers.map((node, index) => [node.id, index]));
  // Walked once per node, not once per pair: a form's data is large and a big flow has hundreds of askers.
  const fieldsOf = new Map(askers.map((node) => {
    const index = graph.nodeAt.get(node.id)!;
    const fields = variableFields(node.data).map(({ path, name }) => ({ name, pointer: `/nodes/${index}/data/${path.map(pointerSegment).join('/')}` }));
    return [node.id, fields];
  }));
  const storersOf = new Map<string, string[]>();
  for (const node of askers) {
    for (const name of new Set(node.sets)) {
      if (name !== '') storersOf.set(name, [...(storersOf.get(name) ?? []), node.id]);
    }
  }
  const found: Array<{ first: number; later: number; field: number; pointer: string; nodeId: string; variable: string; node: string }> = [];
  for (const [name, storers] of storersOf) {
    const earlier = earliestAskersBefore(storers, graph, (asker) => [...(graph.outputs.get(asker) ?? [])]
      .flatMap(([output, edgeId]) => (UNANSWERED_OUTPUTS.has(output) || edgeId === undefined ? [] : [edgeTarget.get(edgeId)!])));
    for (const later of askers) {
      const first = earlier.get(later.id)?.find((asker) => asker !== later.id);
      if (first === undefined) continue;
      fieldsOf.get(later.id)!.forEach(({ name: stored, pointer }, field) => {
        if (stored === name) found.push({ first: order.get(first)!, later: order.get(later.id)!, field, pointer, nodeId: later.id, variable: name, node: first });
      });
    }
  }
  found.sort((a, b) => a.first - b.first || a.later - b.later || a.field - b.field);
  for (const { pointer, nodeId, variable, node } of found) problems.add('variable_reused', { pointer, nodeId }, { variable, node });
}

/**
 * For every node, the first two of `askers` (in their order) that reach it through `answered(asker)`:
 * enough to name the earliest one that is not the node itself. Each node takes at most two askers, and
 * a node that has two stops the walk (all it leads to has two earlier ones already), so this costs
 * about twice one walk of the graph however many askers store the name, where walking from each one
 * cost a walk per asker (about 300 ms for 1,000 questions storing one variable).
 */
function earliestAskersBefore(askers: readonly string[], graph: FlowGraph, answered: (asker: string) => string[]): Map<string, string[]> {
  const reachedBy = new Map<string, string[]>();
  for (const asker of askers) {
    const queue: string[] = [];
    const reach = (node: string) => {
      const by = reachedBy.get(node) ?? [];
      if (by.length >= 2 || by.includes(asker)) return;
      by.push(asker);
      reachedBy.set(node, by);
      queue.push(node);
    };
    for (const start of answered(asker)) reach(start);
    for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
      for (const target of graph.next.get(node) ?? []) reach(target);
    }
  }
  return reachedBy;
}
