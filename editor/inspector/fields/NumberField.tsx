import type { ReactNode } from 'react';
import { useInspectorEnvironment } from '../InspectorContext.ts';
import { Field, fieldIds } from './Field.tsx';

/** A number input; clearing it gives `undefined` (the optional field falls back to its default). */
export function NumberField({ name, label, value, onChange, min, max, step, placeholder, hint }: {
  name: string;
  label: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
  hint?: ReactNode;
}) {
  const { readOnly, endGesture } = useInspectorEnvironment();
  const ids = fieldIds(name);
  return (
    <Field label={label} htmlFor={ids.id} hint={hint}>
      <input
        {...ids}
        className="insp-input insp-input--number"
        type="number"
        value={value ?? ''}
        min={min}
        max={max}
        step={step}
        placeholder={placeholder}
        readOnly={readOnly}
        onBlur={endGesture}
        onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
      />
    </Field>
  );
}
