export { Field, fieldIds } from './Field.tsx';
export { TextField } from './TextField.tsx';
export { NumberField } from './NumberField.tsx';
export { SelectField } from './SelectField.tsx';
export { DateField } from './DateField.tsx';
export { CheckboxField } from './CheckboxField.tsx';
export { ListEditor } from './ListEditor.tsx';
export { VariablePicker } from './VariablePicker.tsx';
export { orUndefined } from './optional.ts';
