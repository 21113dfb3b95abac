import type { FlowDocument } from '../../schema/index.ts';
import { nodeEditor } from '../nodes/index.ts';

/** Always available in templates (docs/flow-format.md, "Templates"). */
export const BUILT_IN_VARIABLES = ['contact.name', 'contact.phone', 'contact.username', 'message.text'] as const;

/** What the variable picker offers: declared variables, those nodes store, then the built-in ones. */
export function availableVariables(document: FlowDocument): string[] {
  const names = new Set<string>();
  for (const variable of document.variables ?? []) names.add(variable.name);
  for (const node of document.nodes) {
    for (const name of nodeEditor(node.type).setsVariables?.(node.data) ?? []) if (name) names.add(name);
  }
  return [...[...names].sort((a, b) => a.localeCompare(b)), ...BUILT_IN_VARIABLES];
}
