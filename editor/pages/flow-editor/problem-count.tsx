import { useT } from '../../i18n/index.ts';
import { usePlural } from '../../i18n/plural.ts';
import { showProblems } from '../../problems/index.ts';
import { useEditorStore } from '../../store/index.ts';
import { messages } from './messages.ts';

/**
 * The flow's problems at a glance in the editor header: errors (they block publishing) and
 * warnings, in words where the header has room and as counts with a sign where it has not. A click
 * opens the problems panel, even when collapsed.
 */
export function ProblemCount() {
  const t = useT(messages);
  const tp = usePlural(messages);
  const errors = useEditorStore((state) => state.problems.filter((problem) => problem.severity === 'error').length);
  const warnings = useEditorStore((state) => state.problems.filter((problem) => problem.severity === 'warning').length);
  const parts = [errors > 0 && tp('errors', errors), warnings > 0 && tp('warnings', warnings)].filter(Boolean);
  const text = parts.length > 0 ? parts.join(' · ') : t('noErrors');
  const tone = errors > 0 ? 'pill-error' : warnings > 0 ? 'pill-warn' : 'pill-ok';
  return (
    <button type="button" className={`pill problem-count ${tone}`} data-testid="error-count" data-count={errors} data-warnings={warnings} title={text}
      onClick={() => showProblems()}>
      <span className="problem-count-long">{text}</span>
      <span className="problem-count-short" aria-hidden>
        {parts.length === 0 ? '✓' : [errors > 0 && `✕ ${errors}`, warnings > 0 && `⚠ ${warnings}`].filter(Boolean).join(' · ')}
      </span>
    </button>
  );
}
