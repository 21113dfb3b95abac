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
      {(data.link || data.requestLocation || data.location || data.contacts || data.reaction) && (
        <div className="node-chips" data-testid="message-sends">
          {data.link && <span className="node-chip">↗ {data.link.label}</span>}
          {data.requestLocation && <span className="node-chip">◎ {t('chipRequestLocation')}</span>}
          {data.location && <span className="node-chip">◉ {data.location.name ?? t('chipLocation')}</span>}
          {data.contacts && <span className="node-chip">☏ {t('chipContacts', { count: String(data.contacts.length) })}</span>}
          {data.reaction && <span className="node-chip">{t('chipReaction', { emoji: data.reaction })}</span>}
        </div>
      )}
    </>
  );
}
