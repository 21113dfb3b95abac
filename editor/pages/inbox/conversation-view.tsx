import { useState, type FormEvent } from 'react';
import type { Conversation } from '../../api/types.ts';
import { useT } from '../../i18n/index.ts';
import { clock } from '../../simulator/clock.ts';
import { messageText } from './message-text.ts';
import { messages } from './messages.ts';

interface ConversationViewProps {
  conversation: Conversation;
  onReply(text: string): Promise<void>;
  onResolve(): Promise<void>;
}

const WHO = { in: 'customer', bot: 'bot', agent: 'agent' } as const;

/** One waiting conversation: its history, a reply box, and the hand-back button. */
export function ConversationView({ conversation, onReply, onResolve }: ConversationViewProps) {
  const t = useT(messages);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const labels = { media: (kind: string) => t('media', { kind }), formSent: t('formSent') };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    setBusy(true);
    try {
      await onReply(text.trim());
      setText('');
    } catch {
      // The page shows the error (outside the 24-hour window, …); the text stays for another try.
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="conversation" data-testid="conversation-view">
      <header className="conversation-header">
        <div>
          <strong>{conversation.contactName ?? `+${conversation.waId}`}</strong>
          <div className="muted small">+{conversation.waId} · {t('flow', { flow: conversation.flowId })}{conversation.queue ? ` · ${t('queue', { queue: conversation.queue })}` : ''}</div>
        </div>
        <button className="btn btn-primary" data-testid="inbox-resolve" disabled={busy}
          onClick={async () => { setBusy(true); try { await onResolve(); } finally { setBusy(false); } }}>{t('resolve')}</button>
      </header>
      <div className="conversation-history wa-chat">
        {conversation.messages.map((message, index) => (
          <div key={index} className={`wa-row ${message.direction === 'in' ? 'wa-row-bot' : 'wa-row-user'}`}>
            <div className={`wa-bubble ${message.direction === 'in' ? 'wa-bubble-bot' : 'wa-bubble-user'} ${message.direction === 'agent' ? 'wa-bubble-agent' : ''}`}>
              <span className="wa-bubble-sender">{t(WHO[message.direction])}</span>
              <span className="wa-bubble-text">{messageText(message.body, labels)}</span>
              <span className="wa-time">{clock(message.createdAt)}{message.deliveryStatus ? ` · ${message.deliveryStatus}` : ''}</span>
            </div>
          </div>
        ))}
      </div>
      {conversation.windowOpen === false && <p className="banner banner-error">{t('windowClosed')}</p>}
      <form className="wa-composer" onSubmit={submit}>
        <input className="wa-composer-input" data-testid="inbox-reply-input" placeholder={t('replyPlaceholder')} value={text}
          onChange={(event) => setText(event.target.value)} disabled={busy || conversation.windowOpen === false} />
        <button className="btn btn-primary" data-testid="inbox-reply" disabled={busy || text.trim() === '' || conversation.windowOpen === false}>{t('reply')}</button>
      </form>
    </section>
  );
}
