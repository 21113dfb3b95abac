import { useEffect, useState, type FormEvent } from 'react';
import type { InboundMessage } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { AttachMenu, type AttachKind } from './attach-menu.tsx';
import { inbound } from './inbound-messages.ts';
import { messages } from './messages.ts';

interface ComposerProps {
  disabled: boolean;
  onSend(message: InboundMessage): void;
  /** A sent text being edited: the bar holds it, and sending saves the change (an `edit` event). */
  editing?: { text: string } | null;
  onEdit?(text: string): void;
  onCancelEdit?(): void;
}

/** The typing bar: text, or an attachment from the "+" menu (a typed text becomes a photo's or document's caption). */
export function Composer({ disabled, onSend, editing = null, onEdit, onCancelEdit }: ComposerProps) {
  const t = useT(messages);
  const [text, setText] = useState('');
  useEffect(() => {
    if (editing) setText(editing.text);
  }, [editing]);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    if (editing) onEdit?.(text);
    else onSend(inbound.text(text));
    setText('');
  }
  function attach(kind: AttachKind) {
    switch (kind) {
      case 'image':
      case 'document':
        onSend(inbound[kind](text));
        setText('');
        return;
      case 'location':
      case 'audio':
        onSend(inbound[kind]());
        return;
      case 'welcome':
        onSend(inbound.requestWelcome());
        return;
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  }
  return (
    <form className="wa-composer" onSubmit={submit}>
      {editing && (
        <div className="wa-editing" data-testid="sim-editing">
          <span>✎ {t('editing')}</span>
          <button type="button" className="btn btn-small" data-testid="sim-edit-cancel" onClick={() => { setText(''); onCancelEdit?.(); }}>{t('cancelEdit')}</button>
        </div>
      )}
      {!editing && <AttachMenu disabled={disabled} onPick={attach} />}
      <input className="wa-composer-input" data-testid="sim-input" placeholder={t('typeMessage')} value={text} aria-label={editing ? t('editing') : t('typeMessage')}
        disabled={disabled} onChange={(event) => setText(event.target.value)} />
      <button className="wa-send" aria-label={editing ? t('saveEdit') : t('send')} data-testid="sim-send" disabled={disabled || text.trim() === ''}>{editing ? '✓' : '➤'}</button>
    </form>
  );
}
