import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { Conversation, ConversationMessage } from '../../api/types.ts';
import { Dialog } from '../../app/dialog.tsx';
import { usePrincipalName } from '../../app/principal-name.ts';
import { useLocale, useT } from '../../i18n/index.ts';
import { relativeTime } from '../../i18n/relative-time.ts';
import { messageTime, waitingWords } from './elapsed.ts';
import { historySummary } from './history-summary.ts';
import { MessageContent } from './message-content.tsx';
import { messages, type InboxText } from './messages.ts';
import { contactLabel } from './phone-number.ts';

interface ConversationViewProps {
  conversation: Conversation;
  /** The flow's name (its id until the flow list has loaded, or when the flow was deleted). */
  flowName: string;
  now: number;
  /** Whether this person may write to customers (analyst, admin); testers only read. */
  canAnswer: boolean;
  onReply(text: string): Promise<void>;
  onResolve(): Promise<void>;
  onTakeOver(): Promise<void>;
}

const WHO = { in: 'customer', bot: 'bot', agent: 'agent' } as const;

/** WhatsApp's ticks for an outgoing message, with the state in words for the tooltip and screen readers. */
const DELIVERY = {
  pending: { ticks: '◷', label: 'statusPending' },
  sent: { ticks: '✓', label: 'statusSent' },
  delivered: { ticks: '✓✓', label: 'statusDelivered' },
  read: { ticks: '✓✓', label: 'statusRead' },
  failed: { ticks: '⚠', label: 'statusFailed' },
  held: { ticks: '‖', label: 'statusHeld' },
  not_sent: { ticks: '⊘', label: 'statusNotSent' },
} as const satisfies Record<string, { ticks: string; label: keyof InboxText }>;

/** WhatsApp's latest status when it sent one, else how far the outbox got (sent, failed, or still on its way). */
function deliveryOf(message: ConversationMessage): keyof typeof DELIVERY {
  const state = message.deliveryStatus ?? message.outboxState ?? 'pending';
  return Object.hasOwn(DELIVERY, state) ? state as keyof typeof DELIVERY : 'pending';
}

function Delivery({ message }: { message: ConversationMessage }) {
  const t = useT(messages);
  const state = deliveryOf(message);
  const words = state === 'not_sent' && message.error !== null ? `${t(DELIVERY[state].label)}: ${message.error}` : t(DELIVERY[state].label);
  const label = message.errorCode ? `${words} (${message.errorCode})` : words;
  return <span className={`inbox-delivery inbox-delivery-${state}`} title={label} aria-label={label}> {DELIVERY[state].ticks}</span>;
}

/**
 * One conversation: its history, and for those who may answer a reply box and the hand-back button
 * (waiting) or the take-over button (the bot's).
 */
export function ConversationView({ conversation, flowName, now, canAnswer, onReply, onResolve, onTakeOver }: ConversationViewProps) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const principalName = usePrincipalName();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmingResolve, setConfirmingResolve] = useState(false);
  const who = contactLabel(conversation);
  const since = conversation.handoffSince ?? null;
  const history = useRef<HTMLDivElement>(null);
  const count = conversation.messages.length;
  // The newest message is what an agent answers: keep it in view when one arrives.
  useLayoutEffect(() => {
    if (history.current) history.current.scrollTop = history.current.scrollHeight;
  }, [count]);

  const withBot = conversation.status === 'active';
  const act = (action: () => Promise<void>) => async () => { setBusy(true); try { await action(); } finally { setBusy(false); } };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    setBusy(true);
    try {
      await onReply(text.trim());
      setText('');
    } catch {
      // The page shows the error; the text stays for another try.
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="conversation" data-testid="conversation-view">
      <header className="conversation-header">
        <div>
          <strong>{who.title}</strong>
          <div className="muted small">
            {[who.detail, t('flow', { flow: flowName }), since === null ? '' : waitingWords(now - since, locale, t)]
              .filter(Boolean).join(' · ')}
          </div>
        </div>
        {canAnswer && (withBot
          ? <button className="btn btn-primary" data-testid="inbox-take-over" disabled={busy} onClick={act(onTakeOver)}>{t('takeOver')}</button>
          : <button className="btn btn-primary" data-testid="inbox-resolve" disabled={busy} onClick={() => setConfirmingResolve(true)}>{t('resolve')}</button>)}
      </header>
      <div className="conversation-history wa-chat" ref={history}>
        {conversation.messages.map((message, index) => (
          <div key={index} className={`wa-row ${message.direction === 'in' ? 'wa-row-bot' : 'wa-row-user'}`} data-testid="inbox-message" data-direction={message.direction}>
            <div className={`wa-bubble ${message.direction === 'in' ? 'wa-bubble-bot' : 'wa-bubble-user'} ${message.direction === 'agent' ? 'wa-bubble-agent' : ''}`}>
              <span className="wa-bubble-sender" data-testid="inbox-message-sender">
                {message.agent === undefined ? t(WHO[message.direction]) : t('agentNamed', { name: principalName(message.agent) })}
              </span>
              <MessageContent summary={historySummary(message, t)} />
              <span className="wa-time" title={relativeTime(message.createdAt, now, locale)}>{messageTime(message.createdAt, now, locale)}{message.direction !== 'in' && <Delivery message={message} />}</span>
            </div>
          </div>
        ))}
      </div>
      {!canAnswer && <p className="banner" data-testid="inbox-read-only">{t('readOnly')}</p>}
      {canAnswer && withBot && <p className="banner" data-testid="inbox-with-bot">{t('withBot')}</p>}
      {canAnswer && !withBot && conversation.windowOpen === false && <p className="banner banner-warning" data-testid="inbox-window-closed">{t('windowClosed')}</p>}
      {canAnswer && !withBot && <form className="wa-composer" onSubmit={submit}>
        <input className="wa-composer-input" data-testid="inbox-reply-input" placeholder={t('replyPlaceholder')} value={text}
          aria-label={t('replyPlaceholder')}
          onChange={(event) => setText(event.target.value)} disabled={busy} />
        <button className="btn btn-primary" data-testid="inbox-reply" disabled={busy || text.trim() === ''}>{t('reply')}</button>
      </form>}
      {confirmingResolve && (
        <Dialog title={t('resolveTitle')} testId="resolve-dialog" onDismiss={() => !busy && setConfirmingResolve(false)}
          actions={<>
            <button className="btn" onClick={() => setConfirmingResolve(false)} disabled={busy}>{t('cancel')}</button>
            <button className="btn btn-primary" data-testid="resolve-confirm" disabled={busy}
              onClick={() => void act(onResolve)().finally(() => setConfirmingResolve(false))}>{t('resolve')}</button>
          </>}>
          <p>{t('resolveBody', { who: who.title })}</p>
        </Dialog>
      )}
    </section>
  );
}
