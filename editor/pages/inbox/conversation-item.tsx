import type { Conversation } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/index.ts';
import { relativeTime } from '../../i18n/relative-time.ts';
import { waitingWords } from './elapsed.ts';
import { historySummary } from './history-summary.ts';
import { previewLine } from './message-summary.ts';
import { messages } from './messages.ts';
import { contactLabel } from './phone-number.ts';

/** A wait this long is shown as urgent. */
const LONG_WAIT_MS = 15 * 60_000;

interface ConversationItemProps {
  conversation: Conversation;
  selected: boolean;
  now: number;
  onSelect(): void;
}

/**
 * A waiting conversation in the list: who (name, username and phone number, so two Sofías differ), the last
 * message and when it came, and how long the customer has waited for a person.
 */
export function ConversationItem({ conversation, selected, now, onSelect }: ConversationItemProps) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const who = contactLabel(conversation);
  const last = conversation.messages.at(-1);
  const preview = last && previewLine(historySummary(last, t));
  const since = conversation.handoffSince ?? null;
  return (
    <button className={selected ? 'inbox-item inbox-item-selected' : 'inbox-item'} data-testid="inbox-item"
      aria-current={selected ? 'true' : undefined} onClick={onSelect}>
      <span className="inbox-item-top">
        <strong className="inbox-item-name">{who.title}</strong>
        {last && <time className="muted small" dateTime={new Date(last.createdAt).toISOString()} data-testid="inbox-item-time">{relativeTime(last.createdAt, now, locale)}</time>}
      </span>
      {who.detail && <span className="muted small mono" data-testid="inbox-item-phone">{who.detail}</span>}
      {last && preview && (
        <span className="inbox-item-preview" data-testid="inbox-item-preview">
          {last.direction === 'in' ? preview : t('lastMessageFrom', { who: t(last.direction), text: preview })}
        </span>
      )}
      {since !== null && (
        <span className={now - since >= LONG_WAIT_MS ? 'inbox-item-wait inbox-item-wait-long' : 'inbox-item-wait'} data-testid="inbox-item-wait">
          {waitingWords(now - since, locale, t)}
        </span>
      )}
    </button>
  );
}
