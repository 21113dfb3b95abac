import { useEffect, useMemo, useRef, useState } from 'react';
import type { InboundMessage } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { BotMessage } from './bot-message.tsx';
import type { ChatEntry } from './chat-entry.ts';
import { Composer } from './composer.tsx';
import { bubbleMarks, bubblePreview, eventText, isCustomerEvent } from './customer-events.ts';
import { FlowFormSheet } from './flow-form/flow-form-sheet.tsx';
import { inbound } from './inbound-messages.ts';
import { ListSheet } from './list-sheet.tsx';
import { messages } from './messages.ts';
import { UserMessage } from './user-message.tsx';

type BotEntry = Extract<ChatEntry, { from: 'bot' }>;
type Sheet = { kind: 'list' | 'form'; entry: BotEntry } | null;

interface ChatViewProps {
  entries: ChatEntry[];
  /** The bot is answering: shows "typing…" and holds the composer. */
  busy: boolean;
  /** The conversation cannot take messages (ended, or not started). */
  disabled: boolean;
  onSend(message: InboundMessage): void;
}

/** The phone screen: bubbles, the composer, and the list and form sheets over them. */
export function ChatView({ entries, busy, disabled, onSend }: ChatViewProps) {
  const t = useT(messages);
  const [sheet, setSheet] = useState<Sheet>(null);
  // The sent text being edited (its bubble's id), while the composer holds it.
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const marks = useMemo(() => bubbleMarks(entries), [entries]);
  const toolsDisabled = disabled || busy;
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    scroller.current?.scrollTo?.({ top: scroller.current.scrollHeight });
  }, [entries.length, busy]);

  const send = (message: InboundMessage) => {
    setSheet(null);
    onSend(message);
  };
  const formToken = sheet?.entry.message.interactive?.action.parameters?.flow_token ?? '';

  return (
    <div className="wa-screen">
      <div className="wa-chat" ref={scroller} data-testid="sim-chat" role="log" aria-live="polite" aria-label={t('chatLog')}>
        {entries.length === 0 && <p className="wa-system">{t('emptyChat')}</p>}
        {entries.map((entry) => {
          switch (entry.from) {
            case 'bot':
              return <BotMessage key={entry.id} entry={entry} onReply={send}
                onOpenList={(bot) => setSheet({ kind: 'list', entry: bot })} onOpenForm={(bot) => setSheet({ kind: 'form', entry: bot })}
                reaction={marks.get(entry.id)?.reaction} reactDisabled={toolsDisabled} onReact={(bot, emoji) => send(inbound.reaction(bot.id, emoji))} />;
            case 'user': {
              const { message } = entry;
              if (isCustomerEvent(message)) {
                const target = message.type === 'reaction' ? message.reaction.message_id : message.type === 'revoke' ? message.revoke.original_message_id : undefined;
                return (
                  <p key={entry.id} className="wa-system wa-event" data-testid="sim-event" data-kind={message.type} data-non-answer={entry.nonAnswer}>
                    {eventText(message, bubblePreview(entries.find((each) => each.id === target)), entry.nonAnswer !== undefined, t)}
                  </p>
                );
              }
              return <UserMessage key={entry.id} entry={{ ...entry, message }} mark={marks.get(entry.id)} toolsDisabled={toolsDisabled}
                onEdit={(sent) => setEditing({ id: sent.id, text: marks.get(sent.id)?.edited ?? (sent.message.type === 'text' ? sent.message.text.body : '') })}
                onDelete={(sent) => send(inbound.revoke(sent.id))} />;
            }
            case 'system':
              return <p key={entry.id} className={`wa-system wa-system-${entry.tone}`} data-testid="sim-system">{entry.text}</p>;
            default: {
              const unreachable: never = entry;
              return unreachable;
            }
          }
        })}
        {busy && <div className="wa-row wa-row-bot"><div className="wa-bubble wa-bubble-bot wa-typing">{t('typing')}</div></div>}
      </div>
      <Composer disabled={disabled || busy} onSend={send} editing={editing} onCancelEdit={() => setEditing(null)}
        onEdit={(text) => { if (editing) send(inbound.edit(editing.id, text)); setEditing(null); }} />
      {sheet?.kind === 'list' && sheet.entry.message.interactive && (
        <ListSheet interactive={sheet.entry.message.interactive} onReply={send} onClose={() => setSheet(null)} />
      )}
      {sheet?.kind === 'form' && (sheet.entry.form
        ? <FlowFormSheet source={sheet.entry.form} onClose={() => setSheet(null)} onComplete={(payload) => send(inbound.formReply(formToken, payload))} />
        : <div className="wa-sheet" data-testid="form-sheet"><p className="wa-form-error">{t('formMissing')}</p>
            <button className="wa-footer-button" onClick={() => setSheet(null)}>{t('close')}</button></div>)}
    </div>
  );
}
