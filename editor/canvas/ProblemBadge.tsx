import type { ProblemMark } from '../problems/problem-index.ts';

/** A round "!" on a node or edge with problems; red for errors, amber for warnings; the messages on hover. */
export function ProblemBadge({ testId, mark }: { testId: string; mark: ProblemMark }) {
  return (
    <span className={`problem-badge problem-badge--${mark.severity}`} data-testid={testId} data-severity={mark.severity}
      title={mark.messages.join('\n')} role="img" aria-label={mark.messages.join('. ')}>
      {mark.messages.length > 1 ? mark.messages.length : '!'}
    </span>
  );
}
