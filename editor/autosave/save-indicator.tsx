import { useT } from '../i18n/index.ts';
import type { AutosaveStatus } from './autosave.ts';
import { messages } from './messages.ts';

/** The save state in the top bar; the error text is in the tooltip. */
export function SaveIndicator({ status }: { status: AutosaveStatus }) {
  const t = useT(messages);
  return (
    <span className={`save-state save-${status.state}`} data-testid="save-state" data-state={status.state} title={status.error}>
      <span className="save-dot" aria-hidden="true" />
      {t(status.state)}
    </span>
  );
}
