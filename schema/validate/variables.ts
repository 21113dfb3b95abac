import type { FlowDocument } from '../flow.ts';
import { nodeLiteralFields, nodeSets } from '../registry.ts';
import { TEMPLATE_PATTERN } from './field-checks.ts';
import { pointerSegment, type ProblemList } from './problem-list.ts';

/** Template names the runtime always provides (flow-format.md); `secrets.*` too. */
const BUILT_INS = new Set(['contact.name', 'contact.phone', 'message.text']);
const BUILT_IN_ROOTS = new Set(['contact', 'message']);

/**
 * Warns about `{{name}}` in a template when no node sets `name` and the flow does not declare it.
 * A dotted path (`{{pedido.items.0.nombre}}`) is checked by its first name.
 */
export function checkVariables(flow: FlowDocument, problems: ProblemList): void {
  const known = new Set((flow.variables ?? []).map((variable) => variable.name));
  for (const node of flow.nodes) for (const name of nodeSets(node)) known.add(name);
  const isKnown = (path: string): boolean => {
    const root = path.split('.')[0]!;
    if (root === 'secrets') return true;
    if (BUILT_IN_ROOTS.has(root) && !known.has(root)) return BUILT_INS.has(path);
    return known.has(root);
  };
  flow.nodes.forEach((node, index) => {
    const literal = nodeLiteralFields(node);
    const visit = (value: unknown, pointer: string): void => {
      if (typeof value === 'string') {
        const reported = new Set<string>();
        for (const match of value.matchAll(TEMPLATE_PATTERN)) {
          const path = match[1]!;
          if (path === '' || isKnown(path) || reported.has(path)) continue;
          reported.add(path);
          problems.add('undefined_variable', { pointer, nodeId: node.id }, { variable: path });
        }
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => visit(item, `${pointer}/${i}`));
      } else if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) visit(item, `${pointer}/${pointerSegment(key)}`);
      }
    };
    for (const [key, value] of Object.entries(node.data)) {
      if (!literal.includes(key)) visit(value, `/nodes/${index}/data/${pointerSegment(key)}`);
    }
  });
}
