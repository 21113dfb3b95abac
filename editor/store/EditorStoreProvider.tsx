import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useLocale } from '../i18n/index.ts';
import { createEditorStore, type EditorStore } from './create-editor-store.ts';
import type { EditorState } from './types.ts';

const EditorStoreContext = createContext<EditorStore | null>(null);

/**
 * Provides one editor store to the canvas, palette, inspector and problems panel below it.
 * Pass `store` to keep a handle on it (to load documents, watch `documentVersion` for autosave);
 * without it the provider makes its own.
 * @example <EditorStoreProvider store={store}><Palette /><FlowEditorCanvas /><Inspector /></EditorStoreProvider>
 */
export function EditorStoreProvider({ store, children }: { store?: EditorStore; children: ReactNode }) {
  const [own] = useState(() => store ?? createEditorStore());
  const active = store ?? own;
  const locale = useLocale((state) => state.locale);
  useEffect(() => {
    active.getState().revalidate();
  }, [active, locale]); // problem messages follow the UI language
  return <EditorStoreContext.Provider value={active}>{children}</EditorStoreContext.Provider>;
}

/** The store itself, for actions and `getState()` in event handlers. */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside <EditorStoreProvider>');
  return store;
}

/** Subscribes to a slice of the editor state, e.g. `useEditorStore((s) => s.selectedNodeIds)`. */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
