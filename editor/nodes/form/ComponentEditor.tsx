import { useT } from '../../i18n/index.ts';
import { CheckboxField, ListEditor, NumberField, orUndefined, SelectField, TextField } from '../../inspector/fields/index.ts';
import { FLOW_JSON_LIMITS } from '../../../schema/index.ts';
import { freshId, idStem } from '../../store/ids.ts';
import type { FlowComponent } from './flow-json.ts';
import { messages } from './messages.ts';

type Choice = { id: string; title: string; description?: string };

const TEXT_LIMITS: Record<string, number> = {
  TextHeading: FLOW_JSON_LIMITS.heading, TextSubheading: FLOW_JSON_LIMITS.heading, TextBody: FLOW_JSON_LIMITS.body, TextCaption: FLOW_JSON_LIMITS.caption,
};
const LABEL_LIMITS: Record<string, number> = {
  TextInput: FLOW_JSON_LIMITS.inputLabel, TextArea: FLOW_JSON_LIMITS.inputLabel, Dropdown: FLOW_JSON_LIMITS.inputLabel, DatePicker: FLOW_JSON_LIMITS.inputLabel,
  RadioButtonsGroup: FLOW_JSON_LIMITS.choiceLabel, CheckboxGroup: FLOW_JSON_LIMITS.choiceLabel, OptIn: FLOW_JSON_LIMITS.optInLabel,
};
/** WhatsApp Flows' TextInput `input-type` values, each with the label an analyst reads. */
const INPUT_TYPES = {
  text: 'inputText', number: 'inputNumber', email: 'inputEmail', password: 'inputPassword', passcode: 'inputPasscode', phone: 'inputPhone',
} as const;
type InputType = keyof typeof INPUT_TYPES;

/** Edits one WhatsApp Flows component; `path` names its fields (`screens.0.components.2.label`). */
export function ComponentEditor({ path, component, onChange }: { path: string; component: FlowComponent; onChange(next: FlowComponent): void }) {
  const t = useT(messages);
  const text = (key: string) => (typeof component[key] === 'string' ? (component[key] as string) : '');
  const number = (key: string) => (typeof component[key] === 'number' ? (component[key] as number) : undefined);
  // Clearing an optional property removes it rather than writing `undefined` into the Flow JSON.
  const set = (key: string, value: unknown) => {
    const next: FlowComponent = { ...component, [key]: value };
    if (value === undefined) delete next[key];
    onChange(next);
  };

  const textLimit = TEXT_LIMITS[component.type];
  if (textLimit !== undefined) {
    return <TextField name={`${path}.text`} label={t('content')} value={text('text')} multiline={component.type === 'TextBody'}
      limit={textLimit} onChange={(value) => set('text', value)} />;
  }
  const choices = Array.isArray(component['data-source']) ? (component['data-source'] as Choice[]) : null;
  return (
    <>
      <div className="insp-row">
        <TextField name={`${path}.label`} label={t('label')} value={text('label')} limit={LABEL_LIMITS[component.type]}
          onChange={(value) => set('label', value)} />
        <TextField name={`${path}.name`} label={t('name')} value={text('name')}
          onChange={(value) => set('name', idStem(value).replace(/-/g, '_'))} />
      </div>
      {component.type === 'TextInput' && (
        <SelectField name={`${path}.input-type`} label={t('inputType')} value={(text('input-type') || 'text') as InputType}
          options={(Object.keys(INPUT_TYPES) as InputType[]).map((type) => ({ value: type, label: t(INPUT_TYPES[type]) }))} onChange={(value) => set('input-type', value)} />
      )}
      {component.type === 'TextInput' && (
        <div className="insp-row">
          <NumberField name={`${path}.min-chars`} label={t('minChars')} value={number('min-chars')} min={0}
            onChange={(value) => set('min-chars', value)} />
          <NumberField name={`${path}.max-chars`} label={t('maxChars')} value={number('max-chars')} min={1}
            onChange={(value) => set('max-chars', value)} />
        </div>
      )}
      {component.type === 'TextArea' && (
        <NumberField name={`${path}.max-length`} label={t('maxChars')} value={number('max-length')} min={1} placeholder="600"
          onChange={(value) => set('max-length', value)} />
      )}
      {(component.type === 'TextInput' || component.type === 'TextArea') && (
        <TextField name={`${path}.helper-text`} label={t('helper')} value={text('helper-text')} limit={FLOW_JSON_LIMITS.helperText}
          onChange={(value) => set('helper-text', orUndefined(value))} />
      )}
      <CheckboxField name={`${path}.required`} label={t('required')} checked={component.required === true}
        onChange={(required) => set('required', required)} />
      {choices && (
        <ListEditor
          name={`${path}.data-source`}
          items={choices}
          onChange={(next) => set('data-source', next)}
          create={(items) => ({ id: freshId('opcion', new Set(items.map((item) => item.id)), true), title: t('choice', { n: items.length + 1 }) })}
          itemTitle={(choice, index) => `${t('choice', { n: index + 1 })} · ${choice.id}`}
          addLabel={t('addChoice')}
          min={1}
          max={component.type === 'Dropdown' ? 200 : 20}
          renderItem={(choice, index, change) => (
            <TextField name={`${path}.data-source.${index}.title`} label={t('choiceTitle')} value={choice.title}
              limit={FLOW_JSON_LIMITS.choiceTitle} onChange={(title) => change({ ...choice, title })} />
          )}
        />
      )}
    </>
  );
}
