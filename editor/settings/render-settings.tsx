import { render } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import { Inspector } from '../inspector/Inspector.tsx';
import { ProblemsPanel } from '../problems/ProblemsPanel.tsx';
import { createEditorStore, EditorStoreProvider } from '../store/index.ts';
import { FlowSettingsButton } from './FlowSettingsButton.tsx';
import { FlowSettingsSlot } from './FlowSettingsSlot.tsx';

/** For the settings panel's tests: the toolbar button, the problems panel and the slot the panel opens in, over `document`. */
export function renderSettingsEditor(document: FlowDocument, readOnly = false) {
  const store = createEditorStore({ document, readOnly });
  render(
    <EditorStoreProvider store={store}>
      <FlowSettingsButton />
      <ProblemsPanel />
      <FlowSettingsSlot><Inspector /></FlowSettingsSlot>
    </EditorStoreProvider>,
  );
  return store;
}
