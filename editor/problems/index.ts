export { ProblemsPanel } from './ProblemsPanel.tsx';
export { showProblems } from './show-problems.ts';
export { problemIndex, type ProblemIndex, type ProblemMark } from './problem-index.ts';
export { pointerField, settingsField } from './pointer-field.ts';
export { hasErrors } from '../store/selectors.ts';
