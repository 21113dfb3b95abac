import type { ReactNode } from 'react';
import { useInspectorEnvironment } from '../InspectorContext.ts';
import { Field, fieldIds } from './Field.tsx';

/** A closed choice, e.g. a question's input type or an HTTP method. */
export function SelectField<V extends string>({ name, label, value, options, onChange, hint }: {
  name: string;
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange(value: V): void;
  hint?: ReactNode;
}) {
  const { readOnly } = useInspectorEnvironment();
  const ids = fieldIds(name);
  return (
    <Field label={label} htmlFor={ids.id} hint={hint}>
      <select {...ids} className="insp-input" value={value} disabled={readOnly} onChange={(event) => onChange(event.target.value as V)}>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </Field>
  );
}
