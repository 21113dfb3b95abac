import { useT } from '../../i18n/index.ts';
import { TextPreview } from '../shared/TextPreview.tsx';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';

export function HandoffBody({ data }: NodeBodyProps<'handoff'>) {
  const t = useT(messages);
  return (
    <>
      {data.queue && <div className="node-chip">{t('queueLabel', { queue: data.queue })}</div>}
      {data.businessHoursOnly && <div className="node-chip">{t('closedChip')}</div>}
      <TextPreview text={data.text} empty={t('waits')} />
    </>
  );
}
