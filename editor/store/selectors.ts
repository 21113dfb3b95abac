import type { EditorState, Problem } from './types.ts';

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

/** The worst severity among a node's problems, or null; drives the node's badge. */
export function nodeSeverity(problems: readonly Problem[], nodeId: string): Problem['severity'] | null {
  let worst: Problem['severity'] | null = null;
  for (const problem of problems) {
    if (problem.nodeId !== nodeId || problem.edgeId !== undefined) continue;
    if (problem.severity === 'error') return 'error';
    worst = 'warning';
  }
  return worst;
}
