import type { ReactNode } from 'react';

/** The id of a field's error message, for the input's `aria-describedby`. */
export const errorId = (inputId: string) => `${inputId}-error`;

/**
 * A labelled row of the inspector; `htmlFor` ties the label to its input for screen readers and tests.
 * An `error` (the value is wrong, e.g. a regex that does not compile) shows in red in place of the hint.
 */
export function Field({ label, htmlFor, hint, error, children }: { label: string; htmlFor?: string; hint?: ReactNode; error?: string | undefined; children: ReactNode }) {
  return (
    <div className="insp-field">
      <label className="insp-label" htmlFor={htmlFor}>{label}</label>
      {children}
      {error !== undefined
        ? <div className="insp-hint insp-hint--error" id={htmlFor && errorId(htmlFor)} role="alert">{error}</div>
        : hint !== undefined && <div className="insp-hint">{hint}</div>}
    </div>
  );
}

/** The DOM id and test id of a field named by its path in the node's data (`options.1.title`). */
export function fieldIds(name: string): { id: string; 'data-testid': string; 'data-field': string } {
  return { id: `field-${name.replace(/\./g, '-')}`, 'data-testid': `field-${name}`, 'data-field': name };
}
