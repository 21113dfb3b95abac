import { useT } from '../../i18n/index.ts';
import { CheckboxField, NumberField, orUndefined, TextField } from '../../inspector/fields/index.ts';
import { WHATSAPP_LIMITS } from '../../../schema/index.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';

export function HandoffInspector({ data, update }: NodeInspectorProps<'handoff'>) {
  const t = useT(messages);
  return (
    <>
      <TextField name="text" label={t('text')} value={data.text ?? ''} multiline template limit={WHATSAPP_LIMITS.textBody}
        onChange={(text) => update({ text: orUndefined(text) })} />
      <TextField name="queue" label={t('queue')} value={data.queue ?? ''} onChange={(queue) => update({ queue: orUndefined(queue) })} />
      <TextField name="note" label={t('note')} value={data.note ?? ''} multiline template onChange={(note) => update({ note: orUndefined(note) })} />
      <CheckboxField name="businessHoursOnly" label={t('businessHoursOnly')} checked={data.businessHoursOnly === true}
        onChange={(checked) => update({ businessHoursOnly: checked ? true : undefined })} />
      <p className="insp-hint">{t('businessHoursHint')}</p>
      <NumberField name="unansweredSeconds" label={t('unansweredSeconds')} value={data.unansweredSeconds} min={1} step={1} hint={t('unansweredHint')}
        onChange={(seconds) => update({ unansweredSeconds: seconds === undefined || seconds <= 0 ? undefined : seconds })} />
    </>
  );
}
