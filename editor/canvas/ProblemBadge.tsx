import type { Problem } from '../../schema/index.ts';

/** A round "!" on a node or edge with problems; red for errors, amber for warnings; the messages (one per line) on hover. */
export function ProblemBadge({ testId, severity, messages }: { testId: string; severity: Problem['severity']; messages: string }) {
  const count = messages.split('\n').length;
  return (
    <span className={`problem-badge problem-badge--${severity}`} data-testid={testId} data-severity={severity}
      title={messages} role="img" aria-label={messages}>
      {count > 1 ? count : '!'}
    </span>
  );
}
