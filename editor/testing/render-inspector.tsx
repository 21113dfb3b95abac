import { render } from '@testing-library/react';
import type { FlowNode, NodeData, NodeKind } from '../../schema/index.ts';
import { useLocale } from '../i18n/index.ts';
import { createEditorStore, EditorStoreProvider, type EditorStore } from '../store/index.ts';
import { Inspector } from '../inspector/Inspector.tsx';
import type { LoadMetaFlows, TryApiCall } from '../inspector/InspectorContext.ts';

/**
 * Test helper: shows the inspector of one node (id `n`) of kind `kind`, in Spanish, inside a real
 * store; `data()` reads the node's data back from the store after the test typed into the form.
 */
export function renderInspector<K extends NodeKind>(kind: K, data: NodeData<K>, options: { tryApiCall?: TryApiCall; loadMetaFlows?: LoadMetaFlows; readOnly?: boolean } = {}) {
  useLocale.getState().setLocale('es');
  const node = { id: 'n', type: kind, position: { x: 0, y: 0 }, data } as FlowNode;
  const store: EditorStore = createEditorStore({
    document: { schemaVersion: 1, id: 'test', name: 'Test', startNodeId: 'n', nodes: [node], edges: [] },
    readOnly: options.readOnly ?? false,
  });
  store.getState().select(['n']);
  const view = render(
    <EditorStoreProvider store={store}>
      <Inspector {...(options.tryApiCall && { tryApiCall: options.tryApiCall })} {...(options.loadMetaFlows && { loadMetaFlows: options.loadMetaFlows })} />
    </EditorStoreProvider>,
  );
  const current = () => store.getState().document.nodes[0]!.data as NodeData<K>;
  return { ...view, store, data: current };
}
