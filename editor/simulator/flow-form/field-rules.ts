import { textProp, type FlowComponent } from './flow-json.ts';

/** Components that hold a value under their `name`. */
export const INPUT_TYPES = new Set(['TextInput', 'TextArea', 'Dropdown', 'RadioButtonsGroup', 'CheckboxGroup', 'DatePicker', 'OptIn']);

export type FieldProblem =
  | { key: 'required' }
  | { key: 'minChars' | 'maxChars'; n: number }
  | { key: 'email' | 'number' | 'phone' };

export function isInput(component: FlowComponent): component is FlowComponent & { name: string } {
  return INPUT_TYPES.has(String(component.type)) && typeof component.name === 'string';
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{6,}$/;

/** What is wrong with an input's value, as WhatsApp would refuse it, or null. */
export function fieldProblem(component: FlowComponent, value: unknown): FieldProblem | null {
  if (isEmpty(value)) return component.required === true ? { key: 'required' } : null;
  if (typeof value !== 'string') return null;
  const min = component['min-chars'];
  const max = component.type === 'TextArea' ? component['max-length'] : component['max-chars'];
  if (typeof min === 'number' && value.length < min) return { key: 'minChars', n: min };
  if (typeof max === 'number' && value.length > max) return { key: 'maxChars', n: max };
  const inputType = textProp(component, 'input-type');
  if (inputType === 'email' && !EMAIL.test(value)) return { key: 'email' };
  if (inputType === 'number' && !Number.isFinite(Number(value))) return { key: 'number' };
  if (inputType === 'phone' && !PHONE.test(value)) return { key: 'phone' };
  return null;
}

/** Whether every required input of the screen has a value (WhatsApp greys the footer out until then). */
export function requiredFilled(components: FlowComponent[], values: Record<string, unknown>): boolean {
  return components.every((component) => !isInput(component) || component.required !== true || !isEmpty(values[component.name]));
}
