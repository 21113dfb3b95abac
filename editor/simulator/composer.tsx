import { useState, type FormEvent } from 'react';
import type { InboundMessage } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { AttachMenu, type AttachKind } from './attach-menu.tsx';
import { inbound } from './inbound-messages.ts';
import { messages } from './messages.ts';

/** The typing bar: text, or an attachment from the "+" menu (a typed text becomes a photo's or document's caption). */
export function Composer({ disabled, onSend }: { disabled: boolean; onSend(message: InboundMessage): void }) {
  const t = useT(messages);
  const [text, setText] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    onSend(inbound.text(text));
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
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  }
  return (
    <form className="wa-composer" onSubmit={submit}>
      <AttachMenu disabled={disabled} onPick={attach} />
      <input className="wa-composer-input" data-testid="sim-input" placeholder={t('typeMessage')} value={text}
        disabled={disabled} onChange={(event) => setText(event.target.value)} />
      <button className="wa-send" aria-label={t('send')} data-testid="sim-send" disabled={disabled || text.trim() === ''}>➤</button>
    </form>
  );
}
