import { useT } from '../../i18n/index.ts';
import { CheckboxField, DateField, NumberField, orUndefined, SelectField, TextField } from '../../inspector/fields/index.ts';
import { WHATSAPP_LIMITS } from '../../../schema/index.ts';
import { messages as common } from '../messages.ts';
import { RetriesField } from '../retries/RetriesField.tsx';
import { FallbackTemplateField } from '../shared/FallbackTemplateField.tsx';
import { TimeoutField } from '../shared/TimeoutField.tsx';
import { useBotTexts } from '../shared/use-bot-texts.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';

const INPUTS = ['text', 'number', 'email', 'phone', 'date', 'regex'] as const;

function patternError(pattern: string | undefined): boolean {
  try {
    new RegExp(pattern ?? '');
    return false;
  } catch {
    return true;
  }
}

export function QuestionInspector({ nodeId, data, update }: NodeInspectorProps<'question'>) {
  const t = useT(messages);
  const tc = useT(common);
  const botTexts = useBotTexts();
  // min/max bound the number itself for numbers and the text length otherwise (docs/flow-format.md).
  const bounds = data.input === 'number' ? { min: t('minValue'), max: t('maxValue') }
    : data.input === 'text' || data.input === 'regex' ? { min: t('minLength'), max: t('maxLength') } : null;
  return (
    <>
      <TextField name="text" label={tc('text')} value={data.text} multiline template limit={WHATSAPP_LIMITS.textBody}
        onChange={(text) => update({ text })} />
      <TextField name="variable" label={tc('variable')} value={data.variable} onChange={(variable) => update({ variable })} />
      <SelectField name="input" label={t('input')} value={data.input}
        options={INPUTS.map((input) => ({ value: input, label: t(input) }))}
        onChange={(input) => update({
          input,
          ...(input !== 'regex' && { pattern: undefined }),
          ...(input !== 'date' && { earliest: undefined, latest: undefined, futureOnly: undefined }),
        })} />
      {data.input === 'regex' && (
        <TextField name="pattern" label={t('pattern')} value={data.pattern ?? ''} placeholder="^[0-9]{8}$"
          error={patternError(data.pattern) ? t('invalidPattern') : undefined}
          onChange={(pattern) => update({ pattern: orUndefined(pattern) })} />
      )}
      {bounds && (
        <div className="insp-row">
          <NumberField name="min" label={bounds.min} value={data.min} onChange={(min) => update({ min })} />
          <NumberField name="max" label={bounds.max} value={data.max} onChange={(max) => update({ max })} />
        </div>
      )}
      {data.input === 'date' && <>
        <div className="insp-row">
          <DateField name="earliest" label={t('earliest')} value={data.earliest} onChange={(earliest) => update({ earliest })} />
          <DateField name="latest" label={t('latest')} value={data.latest} onChange={(latest) => update({ latest })} />
        </div>
        <CheckboxField name="futureOnly" label={t('futureOnly')} checked={data.futureOnly ?? false}
          onChange={(futureOnly) => update({ futureOnly: futureOnly || undefined })} />
        <p className="insp-hint">{t('dateHint')}</p>
      </>}
      <TextField name="invalidText" label={tc('invalidText')} value={data.invalidText ?? ''} multiline template limit={WHATSAPP_LIMITS.textBody}
        placeholder={botTexts.questionInvalid[data.input]} onChange={(invalidText) => update({ invalidText: orUndefined(invalidText) })} />
      <RetriesField nodeId={nodeId} value={data.maxRetries} onChange={(maxRetries) => update({ maxRetries })} />
      <TimeoutField value={data.timeoutSeconds} onChange={(timeoutSeconds) => update({ timeoutSeconds })} />
      <FallbackTemplateField value={data.fallbackTemplate} onChange={(fallbackTemplate) => update({ fallbackTemplate })} />
    </>
  );
}
