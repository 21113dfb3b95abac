export { ProblemsPanel } from './ProblemsPanel.tsx';
export { problemIndex, type ProblemIndex, type ProblemMark } from './problem-index.ts';
export { pointerField, settingsField } from './pointer-field.ts';
export { hasErrors } from '../store/selectors.ts';
