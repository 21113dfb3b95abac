import type { ConversationMessage } from '../api/types.ts';
import { usePrincipalName } from '../app/principal-name.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { historySummary } from '../pages/inbox/history-summary.ts';
import { MessageContent } from '../pages/inbox/message-content.tsx';
import { messages as inboxWords } from '../pages/inbox/messages.ts';

/** A reply's delivery in words: WhatsApp's latest status when it sent one, else how far the outbox got. */
const STATUS_WORDS = {
  pending: 'statusPending', sent: 'statusSent', delivered: 'statusDelivered', read: 'statusRead', failed: 'statusFailed',
  held: 'statusHeld', not_sent: 'statusNotSent',
} as const;

function statusOf(message: ConversationMessage): keyof typeof STATUS_WORDS {
  const state = message.deliveryStatus ?? message.outboxState ?? 'pending';
  return Object.hasOwn(STATUS_WORDS, state) ? state as keyof typeof STATUS_WORDS : 'pending';
}

/**
 * A past conversation as a log an analyst reads: who wrote each message and when, its content, and
 * for each reply its delivery status in words and its error (Meta's code and title) when it failed.
 */
export function Transcript({ messages }: { messages: readonly ConversationMessage[] }) {
  const t = useT(inboxWords);
  const locale = useLocale((state) => state.locale);
  const principalName = usePrincipalName();
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  return (
    <ol className="transcript">
      {messages.map((message) => {
        const status = message.direction === 'in' ? null : statusOf(message);
        const author = message.direction === 'in' ? t('customer') : message.direction === 'bot' ? t('bot')
          : message.agent === undefined ? t('agent') : t('agentNamed', { name: principalName(message.agent) });
        const error = status !== null && (message.error ?? (message.errorCode === null ? null : String(message.errorCode)));
        return (
          <li key={`${message.direction}-${message.id}-${message.outboxId ?? ''}`} className={`transcript-row transcript-row--${message.direction}`}
            data-testid="transcript-message" data-direction={message.direction} data-delivery={status ?? undefined}>
            <div className="transcript-meta">
              <b>{author}</b>
              <time dateTime={new Date(message.createdAt).toISOString()}>{time.format(message.createdAt)}</time>
              {status && <span className={`transcript-status transcript-status--${status}`}>{t(STATUS_WORDS[status])}</span>}
            </div>
            <MessageContent summary={historySummary(message, t)} />
            {error && <div className="transcript-error" data-testid="transcript-error">{message.errorCode !== null && message.error !== null ? `${message.error} (${message.errorCode})` : error}</div>}
          </li>
        );
      })}
    </ol>
  );
}
