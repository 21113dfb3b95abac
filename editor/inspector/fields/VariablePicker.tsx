import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { useInspectorEnvironment } from '../InspectorContext.ts';
import { messages } from '../messages.ts';

/** A `{x}` button listing the variables a template may use; picking one inserts `{{name}}`. */
export function VariablePicker({ onPick }: { onPick(variable: string): void }) {
  const t = useT(messages);
  const { variables } = useInspectorEnvironment();
  const [open, setOpen] = useState(false);
  return (
    <span className="insp-varpicker">
      <button
        type="button"
        className="insp-varpicker-button"
        title={t('insertVariable')}
        aria-label={t('insertVariable')}
        aria-expanded={open}
        onMouseDown={(event) => event.preventDefault() /* keep the caret in the input */}
        onClick={() => setOpen(!open)}
      >
        {'{x}'}
      </button>
      {open && (
        <ul className="insp-varpicker-menu" role="listbox" aria-label={t('insertVariable')}>
          {variables.length === 0 && <li className="insp-varpicker-empty">{t('noVariables')}</li>}
          {variables.map((variable) => (
            <li key={variable}>
              <button
                type="button"
                role="option"
                aria-selected={false}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  setOpen(false);
                  onPick(variable);
                }}
              >
                {`{{${variable}}}`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
