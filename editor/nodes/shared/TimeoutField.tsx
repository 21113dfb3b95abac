import { useT } from '../../i18n/index.ts';
import { NumberField } from '../../inspector/fields/index.ts';
import { messages } from '../messages.ts';

/** `timeoutSeconds` of a node that waits for an answer (menu, question, form, AI intent): set, it adds the `timeout` output. */
export function TimeoutField({ value, onChange }: { value: number | undefined; onChange(timeoutSeconds: number | undefined): void }) {
  const t = useT(messages);
  return (
    <NumberField name="timeoutSeconds" label={t('timeoutSeconds')} value={value} min={1} step={1} hint={t('timeoutHint')}
      onChange={(seconds) => onChange(seconds === undefined || seconds <= 0 ? undefined : seconds)} />
  );
}
