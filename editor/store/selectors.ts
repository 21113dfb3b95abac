import type { EditorState } from './types.ts';

/** Whether any problem blocks publishing; the publish button is disabled while this holds. */
export function hasErrors(state: Pick<EditorState, 'problems'>): boolean {
  return state.problems.some((problem) => problem.severity === 'error');
}

/** Whether the document changed since it was loaded or last saved (autosave, "unsaved" marker). */
export function isDirty(state: Pick<EditorState, 'documentVersion' | 'savedVersion'>): boolean {
  return state.documentVersion !== state.savedVersion;
}

export function canUndo(state: Pick<EditorState, 'past' | 'readOnly'>): boolean {
  return !state.readOnly && state.past.length > 0;
}

export function canRedo(state: Pick<EditorState, 'future' | 'readOnly'>): boolean {
  return !state.readOnly && state.future.length > 0;
}
