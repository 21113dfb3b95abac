import { useEffect } from 'react';
import type { TemplateSummary } from '../../api/types.ts';
import { useT } from '../../i18n/index.ts';
import { useInspectorEnvironment } from '../../inspector/InspectorContext.ts';
import { Field, fieldIds, orUndefined, TextField } from '../../inspector/fields/index.ts';
import { problemSummary } from '../../pages/problem-summary.ts';
import { useTemplates } from '../../templates/templates-store.ts';
import { TimeoutField } from '../shared/TimeoutField.tsx';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';
import { dataForTemplate, shapeOf } from './template-data.ts';

const keyOf = (template: { name: string; language: string }) => `${template.name}|${template.language}`;

/** Picks a synced template (its status shown) and fills one field per placeholder (docs/templates.md §2). */
export function TemplateInspector({ data, update }: NodeInspectorProps<'template'>) {
  const t = useT(messages);
  const { templates, status, error, syncErrors, load, refresh } = useTemplates();
  useEffect(() => {
    void load();
  }, [load]);
  const { readOnly } = useInspectorEnvironment();
  // One entry per (name, language): several WABAs may hold the same template.
  const choices = [...new Map(templates.map((template) => [keyOf(template), template])).values()];
  const chosen = choices.find((template) => keyOf(template) === keyOf(data));
  const shape = shapeOf(templates, data);
  const statusWord = (template: TemplateSummary) => {
    const key = `status${template.status}` as 'statusAPPROVED';
    const word = t(key);
    return word === key ? template.status : word;
  };
  const pick = (key: string) => {
    const template = choices.find((candidate) => keyOf(candidate) === key);
    if (template) update(dataForTemplate(template, data));
  };
  const ids = fieldIds('template');
  return (
    <>
      <Field label={t('template')} htmlFor={ids.id}>
        <div className="insp-row">
          <select {...ids} className="insp-input" value={chosen ? keyOf(chosen) : ''} disabled={readOnly} onChange={(event) => pick(event.target.value)}>
            <option value="" disabled>{t('choose')}</option>
            {choices.map((template) => (
              <option key={keyOf(template)} value={keyOf(template)}>{`${template.name} · ${template.language} — ${statusWord(template)}`}</option>
            ))}
          </select>
          <button type="button" className="btn btn-small" data-testid="templates-refresh" disabled={readOnly || status === 'loading'} onClick={() => void refresh()}>
            {status === 'loading' ? t('refreshing') : `↻ ${t('refresh')}`}
          </button>
        </div>
      </Field>
      {status === 'failed' && <div className="insp-hint insp-hint--error" role="alert">{t('loadFailed', { error: problemSummary(error) })}</div>}
      {syncErrors.map((failure) => <div key={failure.wabaId} className="insp-hint insp-hint--error">{t('syncFailed', { waba: failure.wabaId, error: failure.error })}</div>)}
      {status === 'ready' && choices.length === 0 && <div className="insp-hint">{t('none')}</div>}
      {chosen && (
        <div className={`insp-hint ${chosen.status === 'APPROVED' ? '' : 'insp-hint--error'}`} data-testid="template-status">
          {statusWord(chosen)}{chosen.status === 'APPROVED' ? ` · ${chosen.category}` : ` — ${t('notApproved')}`}
        </div>
      )}
      {status === 'ready' && !chosen && data.name !== '' && <div className="insp-hint insp-hint--error" data-testid="template-not-synced">{t('notSynced')}</div>}
      <TextField name="name" label={t('name')} value={data.name} onChange={(name) => update({ name })} />
      <TextField name="language" label={t('language')} value={data.language} placeholder="es_AR" onChange={(language) => update({ language })} />
      {shape && <div className="insp-preview" data-testid="template-preview" aria-label={t('preview')}>{shape.body}</div>}
      {(shape?.header?.parameter || data.headerParameter !== undefined) && (
        <TextField name="headerParameter" template value={data.headerParameter ?? ''}
          label={shape?.header && shape.header.format !== 'TEXT' ? t('headerMedia', { format: shape.header.format }) : t('headerParameter')}
          onChange={(headerParameter) => update({ headerParameter: orUndefined(headerParameter) })} />
      )}
      {Object.entries(data.bodyParameters ?? {}).map(([name, value]) => (
        <TextField key={name} name={`bodyParameters.${name}`} label={t('bodyParameter', { name })} value={value} template
          onChange={(text) => update({ bodyParameters: { ...data.bodyParameters, [name]: text } })} />
      ))}
      {Object.entries(data.buttonParameters ?? {}).map(([index, value]) => (
        <TextField key={index} name={`buttonParameters.${index}`} template value={value}
          label={t('buttonParameter', { text: shape?.buttons[Number(index)]?.text ?? index })}
          onChange={(text) => update({ buttonParameters: { ...data.buttonParameters, [index]: text } })} />
      ))}
      <h4 className="insp-section">{t('quickReplies')}</h4>
      {(data.quickReplies?.length ?? 0) === 0
        ? <div className="insp-hint">{t('noQuickReplies')}</div>
        : <ul className="insp-list" data-testid="template-quick-replies">{data.quickReplies!.map((reply) => <li key={reply.id}>↩ {reply.title} <small>({reply.id})</small></li>)}</ul>}
      {(data.quickReplies?.length ?? 0) > 0 && <TimeoutField value={data.timeoutSeconds} onChange={(timeoutSeconds) => update({ timeoutSeconds })} />}
    </>
  );
}
