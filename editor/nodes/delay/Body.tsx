import { useT } from '../../i18n/index.ts';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';

export function DelayBody({ data }: NodeBodyProps<'delay'>) {
  const t = useT(messages);
  return <div className="node-chip">{t('pause', { seconds: data.seconds })}</div>;
}
