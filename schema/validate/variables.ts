import { nodeLiteralFields } from '../registry.ts';
import { CURRENCY_CODE_PATTERN, placeholderParts } from '../template-format.ts';
import type { FlowOutline } from './flow-outline.ts';
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
    if (BUILT_IN_ROOTS.has(root) && !known.has(root)) return BUILT_INS.has(path);
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
