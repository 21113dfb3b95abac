import { useT } from '../../i18n/index.ts';
import { messages as common } from '../messages.ts';
import { TextPreview } from '../shared/TextPreview.tsx';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';

export function MessageBody({ data }: NodeBodyProps<'message'>) {
  const t = useT(messages);
  const tc = useT(common);
  return (
    <>
      {data.media && <div className="node-chip">{t(data.media.kind)}</div>}
      <TextPreview text={data.text} empty={tc('empty')} />
    </>
  );
}
