import type { ReactNode } from 'react';

/** A labelled row of the inspector; `htmlFor` ties the label to its input for screen readers and tests. */
export function Field({ label, htmlFor, hint, children }: { label: string; htmlFor?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="insp-field">
      <label className="insp-label" htmlFor={htmlFor}>{label}</label>
      {children}
      {hint !== undefined && <div className="insp-hint">{hint}</div>}
    </div>
  );
}

/** The DOM id and test id of a field named by its path in the node's data (`options.1.title`). */
export function fieldIds(name: string): { id: string; 'data-testid': string; 'data-field': string } {
  return { id: `field-${name.replace(/\./g, '-')}`, 'data-testid': `field-${name}`, 'data-field': name };
}
