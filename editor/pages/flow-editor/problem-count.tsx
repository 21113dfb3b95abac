import { useT } from '../../i18n/index.ts';
import { useEditorStore } from '../../store/index.ts';
import { messages } from './messages.ts';

/** How many errors block publishing, at a glance in the top bar. */
export function ProblemCount() {
  const t = useT(messages);
  const count = useEditorStore((state) => state.problems.filter((problem) => problem.severity === 'error').length);
  return (
    <span className={count > 0 ? 'pill pill-error' : 'pill pill-ok'} data-testid="error-count" data-count={count}>
      {count > 0 ? t('errors', { count }) : t('noErrors')}
    </span>
  );
}
