import { useCallback, useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { messages } from './messages.ts';
import { useDismiss } from './use-dismiss.ts';

/**
 * What a customer can attach in WhatsApp's "+" menu, as the simulator offers it, and "open the chat again"
 * (WhatsApp's `request_welcome`, an event that is not an answer).
 */
export const ATTACH_KINDS = ['image', 'document', 'location', 'audio', 'welcome'] as const;
export type AttachKind = (typeof ATTACH_KINDS)[number];

const LABEL = { image: 'attachImage', document: 'attachDocument', location: 'attachLocation', audio: 'attachAudio', welcome: 'openChat' } as const;
const GLYPH: Record<AttachKind, string> = { image: '▣', document: '▤', location: '◉', audio: '♪', welcome: '◎' };

/** The composer's "+": a small menu of attachments; Escape or a click elsewhere closes it. */
export function AttachMenu({ disabled, onPick }: { disabled: boolean; onPick(kind: AttachKind): void }) {
  const t = useT(messages);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, open, useCallback(() => setOpen(false), []));

  return (
    <div className="wa-attach" ref={root}>
      <button type="button" className="wa-icon-button" aria-label={t('attach')} title={t('attach')} aria-haspopup="menu" aria-expanded={open}
        data-testid="sim-attach" disabled={disabled} onClick={() => setOpen(!open)}>+</button>
      {open && !disabled && (
        <div className="wa-attach-menu" role="menu" aria-label={t('attach')}>
          {ATTACH_KINDS.map((kind) => (
            <button key={kind} type="button" role="menuitem" className={`wa-attach-item wa-attach-item-${kind}`} data-testid={`sim-attach-${kind}`}
              title={kind === 'welcome' ? t('openChatHint') : undefined} onClick={() => { setOpen(false); onPick(kind); }}>
              <span className={`wa-attach-glyph wa-attach-glyph-${kind}`} aria-hidden="true">{GLYPH[kind]}</span>{t(LABEL[kind])}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
