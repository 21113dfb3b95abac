import type { InboundMessage } from '../api/types.ts';
import { useT, type Translate } from '../i18n/index.ts';
import type { ChatEntry } from './chat-entry.ts';
import { clock } from './clock.ts';
import { messages } from './messages.ts';
import { WaText } from './wa-text.tsx';

function summary(message: InboundMessage, t: Translate<typeof messages.es>) {
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

/** A message the simulated customer sent: green, on the right, read ticks. */
export function UserMessage({ entry }: { entry: Extract<ChatEntry, { from: 'user' }> }) {
  const t = useT(messages);
  return (
    <div className="wa-row wa-row-user" data-testid="sim-user-message">
      <div className="wa-bubble wa-bubble-user">
        <span className="wa-bubble-text">{summary(entry.message, t)}</span>
        <span className="wa-time">{clock(entry.at)} <span className="wa-ticks">✓✓</span></span>
      </div>
    </div>
  );
}
