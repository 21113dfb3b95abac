import { useInspectorEnvironment } from '../InspectorContext.ts';
import { fieldIds } from './Field.tsx';

export function CheckboxField({ name, label, checked, onChange }: { name: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  const { readOnly } = useInspectorEnvironment();
  const ids = fieldIds(name);
  return (
    <label className="insp-check" htmlFor={ids.id}>
      <input {...ids} type="checkbox" checked={checked} disabled={readOnly} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}
