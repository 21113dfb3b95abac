import type { InboundMessage } from '../api/types.ts';
import { useT, type Translate } from '../i18n/index.ts';
import type { ChatEntry } from './chat-entry.ts';
import { clock } from './clock.ts';
import type { BubbleMark } from './customer-events.ts';
import { SentMessageTools } from './message-tools.tsx';
import { messages } from './messages.ts';
import { WaText } from './wa-text.tsx';

type SentMessage = Exclude<InboundMessage, { type: 'reaction' | 'edit' | 'revoke' | 'request_welcome' }>;

function summary(message: SentMessage, t: Translate<typeof messages.es>) {
  switch (message.type) {
    case 'text': return <WaText text={message.text.body} />;
    case 'image': return <span className="wa-media-inline">▣ {message.image.caption ?? t('photo')}</span>;
    case 'document': return <span className="wa-media-inline">▤ {message.document.filename}{message.document.caption ? ` · ${message.document.caption}` : ''}</span>;
    case 'audio': return <span className="wa-media-inline">♪ {message.audio.voice ? t('voiceNote') : t('audio')}</span>;
    case 'location': return <span className="wa-media-inline">◉ {message.location.name ?? t('location')}{message.location.address ? ` · ${message.location.address}` : ''}</span>;
    case 'button': return message.button.text;
    case 'interactive': {
      const { interactive } = message;
      switch (interactive.type) {
        case 'button_reply': return interactive.button_reply.title;
        case 'list_reply': return interactive.list_reply.title;
        case 'nfm_reply': return <span className="wa-form-sent">✓ {t('formSent')}</span>;
        default: {
          const unreachable: never = interactive;
          return unreachable;
        }
      }
    }
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}

interface UserMessageProps {
  entry: Extract<ChatEntry, { from: 'user' }> & { message: SentMessage };
  /** What later events did to it: edited to a new text, deleted. */
  mark?: BubbleMark;
  /** Editing and deleting are held while the bot answers or the chat is closed. */
  toolsDisabled: boolean;
  onEdit(entry: UserMessageProps['entry']): void;
  onDelete(entry: UserMessageProps['entry']): void;
}

/**
 * A message the simulated customer sent: green, on the right, read ticks (one while it waits in a burst);
 * beside it, edit and delete; under a burst's last fragment, how many went as one turn.
 */
export function UserMessage({ entry, mark, toolsDisabled, onEdit, onDelete }: UserMessageProps) {
  const t = useT(messages);
  if (mark?.deleted) {
    return (
      <div className="wa-row wa-row-user" data-testid="sim-user-message" data-deleted="true">
        <div className="wa-bubble wa-bubble-user wa-bubble-deleted">
          <span className="wa-bubble-text">⊘ {t('deleted')}</span>
          <span className="wa-time">{clock(entry.at)}</span>
        </div>
      </div>
    );
  }
  return (
    <>
      <div className="wa-row wa-row-user" data-testid="sim-user-message" data-edited={mark?.edited !== undefined || undefined} data-gathering={entry.gathering || undefined}>
        <SentMessageTools canEdit={entry.message.type === 'text'} disabled={toolsDisabled} onEdit={() => onEdit(entry)} onDelete={() => onDelete(entry)} />
        <div className="wa-bubble wa-bubble-user">
          <span className="wa-bubble-text">{mark?.edited !== undefined ? <WaText text={mark.edited} /> : summary(entry.message, t)}</span>
          <span className="wa-time">
            {mark?.edited !== undefined && <span className="wa-edited" data-testid="sim-edited">{t('edited')} </span>}
            {clock(entry.at)} <span className="wa-ticks" title={entry.gathering ? t('gathering') : undefined}>{entry.gathering ? '✓' : '✓✓'}</span>
          </span>
        </div>
      </div>
      {entry.gathered !== undefined && (
        <p className="wa-burst" data-testid="sim-burst" data-count={entry.gathered} title={t('gatheredHint')}>{t('gathered', { count: entry.gathered })}</p>
      )}
    </>
  );
}
