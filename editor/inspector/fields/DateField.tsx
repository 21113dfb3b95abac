import type { ReactNode } from 'react';
import { useInspectorEnvironment } from '../InspectorContext.ts';
import { Field, fieldIds } from './Field.tsx';

/** A calendar date, `YYYY-MM-DD` (the browser's date picker); clearing it gives `undefined`. */
export function DateField({ name, label, value, onChange, hint }: {
  name: string;
  label: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
  hint?: ReactNode;
}) {
  const { readOnly, endGesture } = useInspectorEnvironment();
  const ids = fieldIds(name);
  return (
    <Field label={label} htmlFor={ids.id} hint={hint}>
      <input {...ids} className="insp-input" type="date" value={value ?? ''} readOnly={readOnly} onBlur={endGesture}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)} />
    </Field>
  );
}
