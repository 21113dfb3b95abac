import { useEffect } from 'react';
import type { TemplateRef } from '../../../schema/template-ref.ts';
import { templateShape } from '../../../schema/whatsapp-template.ts';
import { useT } from '../../i18n/index.ts';
import { useInspectorEnvironment } from '../../inspector/InspectorContext.ts';
import { Field, fieldIds, TextField } from '../../inspector/fields/index.ts';
import { useTemplates } from '../../templates/templates-store.ts';
import { messages as templateWords } from '../template/messages.ts';
import { templateRefFor } from '../template/template-data.ts';
import { messages } from './fallback-template-messages.ts';

const keyOf = (template: { name: string; language: string }) => `${template.name}|${template.language}`;

/**
 * A waiting node's `fallbackTemplate` (menus, questions): one of the synced templates (`GET /api/templates`),
 * its placeholders filled below, sent in place of what the node says once the 24-hour window has closed
 * (docs/whatsapp.md §3). Problems at `fallbackTemplate…` land on these fields.
 */
export function FallbackTemplateField({ value, onChange }: { value: TemplateRef | undefined; onChange(next: TemplateRef | undefined): void }) {
  const t = useT(messages);
  const tt = useT(templateWords);
  const { templates, load } = useTemplates();
  const { readOnly } = useInspectorEnvironment();
  useEffect(() => {
    void load();
  }, [load]);
  // One entry per (name, language): several WABAs may hold the same template.
  const choices = [...new Map(templates.map((template) => [keyOf(template), template])).values()];
  const chosen = value && choices.find((template) => keyOf(template) === keyOf(value));
  const shape = chosen && templateShape(chosen.components);
  const status = (template: { status: string }) => {
    const word = tt(`status${template.status}` as 'statusAPPROVED');
    return word.startsWith('status') ? template.status : word;
  };
  const pick = (key: string) => {
    const template = choices.find((candidate) => keyOf(candidate) === key);
    onChange(template ? templateRefFor(template, value) : undefined);
  };
  const ids = fieldIds('fallbackTemplate');
  const setParameter = (field: 'bodyParameters' | 'buttonParameters', key: string, text: string) =>
    value && onChange({ ...value, [field]: { ...value[field], [key]: text } });
  return (
    <>
      <Field label={t('fallbackTemplate')} htmlFor={ids.id} hint={t('fallbackHint')}>
        <select {...ids} className="insp-input" value={value ? keyOf(value) : ''} disabled={readOnly} onChange={(event) => pick(event.target.value)}>
          <option value="">{t('fallbackNone')}</option>
          {value && !chosen && <option value={keyOf(value)}>{t('fallbackNotSynced', { name: value.name, language: value.language })}</option>}
          {choices.map((template) => (
            <option key={keyOf(template)} value={keyOf(template)}>{`${template.name} · ${template.language} — ${status(template)}`}</option>
          ))}
        </select>
      </Field>
      {value?.headerParameter !== undefined && (
        <TextField name="fallbackTemplate.headerParameter" template value={value.headerParameter}
          label={shape?.header && shape.header.format !== 'TEXT' ? tt('headerMedia', { format: shape.header.format }) : tt('headerParameter')}
          onChange={(headerParameter) => onChange({ ...value, headerParameter })} />
      )}
      {Object.entries(value?.bodyParameters ?? {}).map(([name, text]) => (
        <TextField key={name} name={`fallbackTemplate.bodyParameters.${name}`} label={tt('bodyParameter', { name })} value={text} template
          onChange={(next) => setParameter('bodyParameters', name, next)} />
      ))}
      {Object.entries(value?.buttonParameters ?? {}).map(([index, text]) => (
        <TextField key={index} name={`fallbackTemplate.buttonParameters.${index}`} template value={text}
          label={tt('buttonParameter', { text: shape?.buttons[Number(index)]?.text ?? index })}
          onChange={(next) => setParameter('buttonParameters', index, next)} />
      ))}
    </>
  );
}
