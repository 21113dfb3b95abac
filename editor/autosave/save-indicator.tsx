import { useErrorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/index.ts';
import { showProblems } from '../problems/show-problems.ts';
import type { AutosaveStatus } from './autosave.ts';
import { messages } from './messages.ts';

/**
 * The save state in the editor header, one short word beside a dot. A draft the server refuses says
 * what to do in its accessible name and tooltip and opens the problems; another failure gives its reason in the tooltip.
 */
export function SaveIndicator({ status }: { status: AutosaveStatus }) {
  const t = useT(messages);
  const describe = useErrorText();
  const dot = <span className="save-dot" aria-hidden="true" />;
  if (status.state === 'invalid') {
    const count = status.errorCount ?? 1;
    const label = count === 1 ? t('invalidOne') : t('invalidMany', { count });
    return (
      <button type="button" className="save-state save-invalid" data-testid="save-state" data-state="invalid" aria-label={label}
        title={`${label}. ${t('invalidHint')}`} onClick={() => showProblems()}>
        {dot}<span className="save-label" aria-hidden>{t('invalid')}</span>
      </button>
    );
  }
  const title = status.state === 'error' ? `${describe(status.failure)} ${t('retryOnChange')}` : undefined;
  return (
    <span className={`save-state save-${status.state}`} data-testid="save-state" data-state={status.state} title={title}>
      {dot}<span className="save-label">{t(status.state)}</span>
    </span>
  );
}
