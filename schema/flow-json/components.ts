import { FLOW_JSON_LIMITS as L } from '../whatsapp-limits.ts';

/** What Charla checks of one Flow JSON component (docs/whatsapp.md §4). */
export interface ComponentRule {
  /** An input: has a `name`, unique on its screen, readable as `${form.name}`. */
  input: boolean;
  /** Properties that must be present and not empty. */
  required: readonly string[];
  /** Text properties and their maximum length. */
  texts: Readonly<Record<string, number>>;
  /** `data-source`: how many options it may hold (a `${data.x}` binding is not counted). */
  maxOptions?: number;
  /** Properties whose literal value must be one of a list, or match a pattern. */
  values?: Readonly<Record<string, { allowed?: readonly string[]; pattern?: RegExp; expected: string }>>;
}

const DATE = { pattern: /^\d{4}-\d{2}-\d{2}$/, expected: 'YYYY-MM-DD' };
const CHOICE = { input: true, required: ['name', 'label', 'data-source'], texts: { label: L.choiceLabel } };

/** The components a form builder needs. `Form` is the optional wrapper of a screen's inputs. */
export const componentRules = {
  TextHeading: { input: false, required: ['text'], texts: { text: L.heading } },
  TextSubheading: { input: false, required: ['text'], texts: { text: L.heading } },
  TextBody: { input: false, required: ['text'], texts: { text: L.body } },
  TextCaption: { input: false, required: ['text'], texts: { text: L.caption } },
  TextInput: {
    input: true, required: ['name', 'label'], texts: { label: L.inputLabel, 'helper-text': L.helperText },
    values: { 'input-type': { allowed: ['text', 'number', 'email', 'password', 'passcode', 'phone'], expected: 'text, number, email, password, passcode, phone' } },
  },
  TextArea: { input: true, required: ['name', 'label'], texts: { label: L.inputLabel, 'helper-text': L.helperText } },
  Dropdown: { input: true, required: ['name', 'label', 'data-source'], texts: { label: L.inputLabel }, maxOptions: L.dropdownOptions },
  RadioButtonsGroup: { ...CHOICE, maxOptions: L.choiceOptions },
  CheckboxGroup: { ...CHOICE, maxOptions: L.choiceOptions },
  DatePicker: {
    input: true, required: ['name', 'label'], texts: { label: L.inputLabel, 'helper-text': L.helperText },
    values: { 'min-date': DATE, 'max-date': DATE, 'init-value': DATE },
  },
  OptIn: { input: true, required: ['name', 'label'], texts: { label: L.optInLabel } },
  Footer: { input: false, required: ['label', 'on-click-action'], texts: { label: L.footerLabel } },
} as const satisfies Record<string, ComponentRule>;

export type ComponentType = keyof typeof componentRules;
export const COMPONENT_TYPES = [...Object.keys(componentRules), 'Form'];

export function componentRule(type: unknown): ComponentRule | undefined {
  return typeof type === 'string' && Object.hasOwn(componentRules, type)
    ? componentRules[type as ComponentType]
    : undefined;
}

/** Actions Flow JSON defines; `navigate` and `complete` drive a form's routing. */
export const FLOW_ACTIONS = ['navigate', 'complete', 'data_exchange', 'update_data', 'open_url'] as const;
/** Properties of a component that hold an action. */
export const ACTION_PROPERTIES = ['on-click-action', 'on-select-action', 'on-unselect-action'] as const;
