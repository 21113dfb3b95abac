import { createStore, type StoreApi } from 'zustand/vanilla';
import { validateFlow, type FlowDocument } from '../../schema/index.ts';
import { useLocale } from '../i18n/index.ts';
import { clipboardSlice } from './clipboard-slice.ts';
import { documentSlice } from './document-slice.ts';
import { flowSettingsSlice } from './flow-settings-slice.ts';
import { historySlice } from './history-slice.ts';
import { selectionSlice } from './selection-slice.ts';
import { storeDeps } from './store-deps.ts';
import type { EditorState, Validate } from './types.ts';
import { viewSlice } from './view-slice.ts';

export type EditorStore = StoreApi<EditorState>;

export interface EditorStoreOptions {
  document?: FlowDocument;
  revision?: number;
  readOnly?: boolean;
  /** Defaults to the shared `validateFlow`, with messages in the UI language. */
  validate?: Validate;
}

/**
 * One editor's state: the document with undo per gesture, selection and view, clipboard.
 * Works without React (tests, benches); wrap it in `<EditorStoreProvider store={…}>` for the UI.
 * @example
 * const store = createEditorStore({ document: flow, revision: 3 });
 * store.getState().addNode('message', { x: 0, y: 0 });
 * store.getState().undo();
 */
export function createEditorStore(options: EditorStoreOptions = {}): EditorStore {
  const deps = storeDeps(options.validate ?? ((document) => validateFlow(document, { locale: useLocale.getState().locale })));
  const store = createStore<EditorState>()((...args) => ({
    ...documentSlice(deps)(...args),
    ...flowSettingsSlice(...args),
    ...historySlice(deps)(...args),
    ...selectionSlice(...args),
    ...viewSlice(...args),
    ...clipboardSlice(...args),
  }));
  deps.attach(store);
  if (options.document) store.getState().loadDocument(options.document, options.revision ?? 0);
  if (options.readOnly) store.getState().setReadOnly(true);
  return store;
}
