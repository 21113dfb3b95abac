import { useT } from '../../i18n/index.ts';
import { TextField } from '../../inspector/fields/index.ts';
import { WHATSAPP_LIMITS } from '../../../schema/index.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';

export function EndInspector({ data, update }: NodeInspectorProps<'end'>) {
  const t = useT(messages);
  return (
    <TextField name="text" label={t('farewell')} value={data.text ?? ''} multiline template limit={WHATSAPP_LIMITS.textBody}
      onChange={(text) => update({ text: text === '' ? undefined : text })} hint={t('ends')} />
  );
}
