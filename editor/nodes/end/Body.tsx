import { useT } from '../../i18n/index.ts';
import { TextPreview } from '../shared/TextPreview.tsx';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';

export function EndBody({ data }: NodeBodyProps<'end'>) {
  const t = useT(messages);
  return <TextPreview text={data.text} empty={t('ends')} />;
}
