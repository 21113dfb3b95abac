import { useT } from '../../i18n/index.ts';
import { NumberField } from '../../inspector/fields/index.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';

/** The pause is required: clearing the field keeps the last value rather than leave a node the schema refuses. */
export function DelayInspector({ data, update }: NodeInspectorProps<'delay'>) {
  const t = useT(messages);
  return (
    <NumberField name="seconds" label={t('seconds')} value={data.seconds} min={1} max={86_400} step={1} hint={t('hint')}
      onChange={(seconds) => { if (seconds !== undefined && seconds > 0) update({ seconds }); }} />
  );
}
