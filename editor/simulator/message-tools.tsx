import { useCallback, useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { messages } from './messages.ts';
import { useDismiss } from './use-dismiss.ts';

/** WhatsApp's quick reactions, in its order. */
export const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const;

/** Beside a bot bubble: react with an emoji, or take the reaction back (an event, never an answer). */
export function ReactionTool({ current, disabled, onReact }: { current?: string; disabled: boolean; onReact(emoji: string): void }) {
  const t = useT(messages);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, open, useCallback(() => setOpen(false), []));
  const pick = (emoji: string) => {
    setOpen(false);
    onReact(emoji);
  };
  return (
    <div className="wa-tools" ref={root}>
      <button type="button" className="wa-tool" aria-label={t('react')} title={t('react')} aria-haspopup="menu" aria-expanded={open}
        data-testid="sim-react" disabled={disabled} onClick={() => setOpen(!open)}>☺</button>
      {open && !disabled && (
        <div className="wa-reactions" role="menu" aria-label={t('react')} data-testid="sim-reaction-picker">
          {REACTIONS.map((emoji, index) => (
            <button key={emoji} type="button" role="menuitemradio" aria-checked={current === emoji} className="wa-reaction-choice"
              data-testid={`sim-reaction-${index}`} onClick={() => pick(emoji)}>{emoji}</button>
          ))}
          {current !== undefined && (
            <button type="button" role="menuitem" className="wa-reaction-remove" data-testid="sim-reaction-remove" onClick={() => pick('')}>
              {t('removeReaction')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Beside a bubble the customer sent: edit it (texts only) or delete it; both are events, never answers. */
export function SentMessageTools({ canEdit, disabled, onEdit, onDelete }: { canEdit: boolean; disabled: boolean; onEdit(): void; onDelete(): void }) {
  const t = useT(messages);
  return (
    <div className="wa-tools">
      {canEdit && (
        <button type="button" className="wa-tool" aria-label={t('editMessage')} title={t('editMessage')} data-testid="sim-edit" disabled={disabled} onClick={onEdit}>✎</button>
      )}
      <button type="button" className="wa-tool" aria-label={t('deleteMessage')} title={t('deleteMessage')} data-testid="sim-delete" disabled={disabled} onClick={onDelete}>⊘</button>
    </div>
  );
}
