import { useT } from '../../i18n/index.ts';
import { WHATSAPP_LIMITS } from '../../../schema/index.ts';
import { messages as common } from '../messages.ts';
import { messages as fallbackWords } from '../shared/fallback-template-messages.ts';
import { TextPreview } from '../shared/TextPreview.tsx';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';

/** The options themselves are listed by the card's outputs, each with its handle. */
export function MenuBody({ data }: NodeBodyProps<'menu'>) {
  const t = useT(messages);
  const tc = useT(common);
  const tf = useT(fallbackWords);
  return (
    <>
      {data.headerMedia && <div className="node-chip">▣ {t(data.headerMedia.kind)}</div>}
      <TextPreview text={data.text} empty={tc('empty')} />
      {data.fallbackTemplate && <div className="node-chip" title={tf('fallbackTemplate')}>❏ {data.fallbackTemplate.name}</div>}
      <div className="node-chip">{data.options.length > WHATSAPP_LIMITS.replyButtons ? `☰ ${t('asList')}` : `▭ ${t('asButtons')}`}</div>
    </>
  );
}
