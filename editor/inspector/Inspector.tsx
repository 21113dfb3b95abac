import './inspector.css';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useT } from '../i18n/index.ts';
import { nodeEditor } from '../nodes/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { availableVariables } from './available-variables.ts';
import { InspectorContext, type InspectorEnvironment, type AskKnowledge, type LoadMetaFlows, type TryApiCall } from './InspectorContext.ts';
import { messages } from './messages.ts';
import { NodeHeader } from './NodeHeader.tsx';
import { useFocusRequest } from './use-focus-request.ts';

/**
 * The form of the selected node, made by its kind's inspector. `tryApiCall` runs an API call node's
 * request for its "try it" button (through the server, which holds the secrets); without it the button says so.
 * `askKnowledge` answers an ai_answer node's "try a question" box the same way; `loadMetaFlows` gives a form its status at Meta.
 */
export function Inspector({ tryApiCall, askKnowledge, loadMetaFlows }: { tryApiCall?: TryApiCall; askKnowledge?: AskKnowledge; loadMetaFlows?: LoadMetaFlows }) {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const selected = useEditorStore((state) => state.selectedNodeIds);
  const node = useEditorStore((state) => (state.selectedNodeIds.length === 1
    ? state.document.nodes.find((candidate) => candidate.id === state.selectedNodeIds[0]) : undefined));
  const document = useEditorStore((state) => state.document);
  const readOnly = useEditorStore((state) => state.readOnly);
  const root = useRef<HTMLElement>(null);
  const nodeId = node?.id ?? null;
  // Another node opens at its header, not at the scroll position of the previous one; the same node
  // re-rendering (every keystroke) keeps its place. Before the focus request, which may scroll to a field.
  useLayoutEffect(() => {
    if (root.current) root.current.scrollTop = 0;
  }, [nodeId]);
  useFocusRequest(root, nodeId);

  const variables = useMemo(() => availableVariables(document), [document]);
  const environment = useMemo<InspectorEnvironment>(() => ({
    variables, readOnly, tryApiCall, askKnowledge, loadMetaFlows, endGesture: () => store.getState().endGesture(),
  }), [variables, readOnly, tryApiCall, askKnowledge, loadMetaFlows, store]);

  if (!node) {
    return (
      <aside className="inspector inspector--empty" data-testid="inspector" ref={root}>
        <p>{selected.length > 1 ? t('multiSelection', { count: selected.length }) : t(readOnly ? 'noSelectionReadOnly' : 'noSelection')}</p>
      </aside>
    );
  }
  const KindInspector = nodeEditor(node.type).Inspector;
  return (
    <aside className="inspector" data-testid="inspector" data-node-id={node.id} ref={root}>
      <InspectorContext.Provider value={environment}>
        <NodeHeader node={node} />
        <fieldset className="inspector-form" disabled={readOnly}>
          <KindInspector key={node.id} nodeId={node.id} data={node.data}
            update={(patch) => store.getState().updateNodeData(node.id, patch)} />
        </fieldset>
      </InspectorContext.Provider>
    </aside>
  );
}
