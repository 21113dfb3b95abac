import { useState, type FormEvent } from 'react';
import type { InboundMessage } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { inbound } from './inbound-messages.ts';
import { messages } from './messages.ts';

/** The typing bar: text, or a photo (media placeholder) with the camera button. */
export function Composer({ disabled, onSend }: { disabled: boolean; onSend(message: InboundMessage): void }) {
  const t = useT(messages);
  const [text, setText] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    onSend(inbound.text(text));
    setText('');
  }
  return (
    <form className="wa-composer" onSubmit={submit}>
      <button type="button" className="wa-icon-button" aria-label={t('attachImage')} title={t('attachImage')}
        data-testid="sim-attach" disabled={disabled} onClick={() => onSend(inbound.image())}>+</button>
      <input className="wa-composer-input" data-testid="sim-input" placeholder={t('typeMessage')} value={text}
        disabled={disabled} onChange={(event) => setText(event.target.value)} />
      <button className="wa-send" aria-label={t('send')} data-testid="sim-send" disabled={disabled || text.trim() === ''}>➤</button>
    </form>
  );
}
