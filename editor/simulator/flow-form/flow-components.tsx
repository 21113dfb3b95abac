import type { ReactNode } from 'react';
import type { Translate } from '../../i18n/index.ts';
import type { messages } from '../messages.ts';
import { resolveText, type BindingScope } from './bindings.ts';
import type { FieldProblem } from './field-rules.ts';
import { dataSource, textProp, type FlowComponent } from './flow-json.ts';

export interface ComponentProps {
  component: FlowComponent;
  value: unknown;
  problem: FieldProblem | null;
  scope: BindingScope;
  onChange(value: unknown): void;
  t: Translate<typeof messages.es>;
}

type Renderer = (props: ComponentProps) => ReactNode;

const HTML_INPUT_TYPE: Record<string, string> = { text: 'text', number: 'number', email: 'email', password: 'password', passcode: 'password', phone: 'tel' };

function Field({ component, problem, t, children }: Pick<ComponentProps, 'component' | 'problem' | 't'> & { children: ReactNode }) {
  const helper = textProp(component, 'helper-text');
  return (
    <label className={`wa-field${problem ? ' wa-field-invalid' : ''}`} data-testid={`form-field-${String(component.name)}`}>
      <span className="wa-field-label">
        {textProp(component, 'label')}
        {component.required !== true && <span className="wa-optional"> ({t('optional')})</span>}
      </span>
      {children}
      {problem
        ? <span className="wa-field-error" role="alert">{t(problem.key, 'n' in problem ? { n: problem.n } : undefined)}</span>
        : helper && <span className="wa-field-helper">{helper}</span>}
    </label>
  );
}

const text = (className: string): Renderer => ({ component, scope }) =>
  <p className={className}>{resolveText(textProp(component, 'text'), scope)}</p>;

function choices(multiple: boolean): Renderer {
  return function Choices({ component, value, problem, onChange, t }) {
    const selected = multiple ? (Array.isArray(value) ? value as string[] : []) : [value];
    const toggle = (id: string) => onChange(multiple
      ? (selected.includes(id) ? selected.filter((item) => item !== id) : [...selected, id])
      : id);
    return (
      <fieldset className="wa-choices" data-testid={`form-field-${String(component.name)}`}>
        <legend className="wa-field-label">{textProp(component, 'label')}</legend>
        {dataSource(component).map((item) => (
          <label key={item.id} className="wa-choice">
            <span>
              <span className="wa-choice-title">{item.title}</span>
              {item.description && <span className="wa-choice-description">{item.description}</span>}
            </span>
            <input type={multiple ? 'checkbox' : 'radio'} name={String(component.name)} value={item.id}
              checked={selected.includes(item.id)} onChange={() => toggle(item.id)} />
          </label>
        ))}
        {problem && <span className="wa-field-error" role="alert">{t(problem.key)}</span>}
      </fieldset>
    );
  };
}

/**
 * How each WhatsApp Flows component looks in the simulator, by its `type` (docs/whatsapp.md §4).
 * The Footer is drawn by the sheet itself, as WhatsApp pins it to the bottom.
 */
export const flowComponents: Record<string, Renderer> = {
  TextHeading: text('wa-heading'),
  TextSubheading: text('wa-subheading'),
  TextBody: text('wa-body'),
  TextCaption: text('wa-caption'),
  TextInput: (props) => (
    <Field {...props}>
      <input className="wa-input" type={HTML_INPUT_TYPE[textProp(props.component, 'input-type') ?? 'text'] ?? 'text'}
        value={typeof props.value === 'string' ? props.value : ''} onChange={(event) => props.onChange(event.target.value)} />
    </Field>
  ),
  TextArea: (props) => (
    <Field {...props}>
      <textarea className="wa-input" rows={3} value={typeof props.value === 'string' ? props.value : ''}
        onChange={(event) => props.onChange(event.target.value)} />
    </Field>
  ),
  Dropdown: (props) => (
    <Field {...props}>
      <select className="wa-input" value={typeof props.value === 'string' ? props.value : ''}
        onChange={(event) => props.onChange(event.target.value === '' ? undefined : event.target.value)}>
        <option value="">{props.t('selectOption')}</option>
        {dataSource(props.component).map((item) => <option key={item.id} value={item.id}>{item.title}</option>)}
      </select>
    </Field>
  ),
  RadioButtonsGroup: choices(false),
  CheckboxGroup: choices(true),
  DatePicker: (props) => (
    <Field {...props}>
      <input className="wa-input" type="date" value={typeof props.value === 'string' ? props.value : ''}
        onChange={(event) => props.onChange(event.target.value === '' ? undefined : event.target.value)} />
    </Field>
  ),
  OptIn: ({ component, value, problem, onChange, t }) => (
    <label className="wa-optin" data-testid={`form-field-${String(component.name)}`}>
      <input type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />
      <span>{textProp(component, 'label')}</span>
      {problem && <span className="wa-field-error" role="alert">{t(problem.key)}</span>}
    </label>
  ),
  Footer: () => null,
};
