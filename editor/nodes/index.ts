import type { FlowNode, NodeKind } from '../../schema/index.ts';
import { aiAnswerEditor } from './ai_answer/index.ts';
import { aiIntentEditor } from './ai_intent/index.ts';
import { apiCallEditor } from './api_call/index.ts';
import { conditionEditor } from './condition/index.ts';
import { delayEditor } from './delay/index.ts';
import { endEditor } from './end/index.ts';
import { formEditor } from './form/index.ts';
import { handoffEditor } from './handoff/index.ts';
import { menuEditor } from './menu/index.ts';
import { messageEditor } from './message/index.ts';
import { questionEditor } from './question/index.ts';
import { setEditor } from './set/index.ts';
import { useKindName } from './kind-words.ts';
import type { NodeEditor } from './types.ts';
import { templateEditor } from './template/index.ts';

/**
 * The editor's one entry per node kind: icon, colour, default data, canvas body, inspector (its name is
 * its manifest's, schema/nodes/<kind>.ts).
 * A kind added to the schema fails the type check here until it has an editor.
 */
export const nodeEditors = {
  message: messageEditor,
  menu: menuEditor,
  question: questionEditor,
  condition: conditionEditor,
  set: setEditor,
  form: formEditor,
  ai_intent: aiIntentEditor,
  ai_answer: aiAnswerEditor,
  api_call: apiCallEditor,
  handoff: handoffEditor,
  end: endEditor,
  delay: delayEditor,
  template: templateEditor,
} satisfies { [K in NodeKind]: NodeEditor<K> };

/** The entry of one kind, typed loosely for generic callers (the canvas card, the inspector panel). */
export function nodeEditor(kind: NodeKind): NodeEditor<NodeKind> {
  return nodeEditors[kind] as unknown as NodeEditor<NodeKind>;
}

/** How the UI names a node (card, problems, diffs): the analyst's label, else its kind's name. */
export function useNodeTitle(): (node: Pick<FlowNode, 'type' | 'label'>) => string {
  const kindName = useKindName();
  return (node) => node.label ?? kindName(node.type);
}

export type { NodeEditor, NodeBodyProps, NodeInspectorProps } from './types.ts';
export { useKindName, useOutputName } from './kind-words.ts';
