export { createEditorStore, type EditorStore, type EditorStoreOptions } from './create-editor-store.ts';
export { EditorStoreProvider, useEditorStore, useEditorStoreApi } from './EditorStoreProvider.tsx';
export { hasErrors, isDirty, canUndo, canRedo } from './selectors.ts';
export type { EditorState, Problem, DiffMarks, Validate, XY, Size, Box, VisibleArea, NodeFigures, LitPath } from './types.ts';
