import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { messages } from './messages.ts';

/** What a customer can attach in WhatsApp's "+" menu, as the simulator offers it. */
export const ATTACH_KINDS = ['image', 'document', 'location', 'audio'] as const;
export type AttachKind = (typeof ATTACH_KINDS)[number];

const LABEL = { image: 'attachImage', document: 'attachDocument', location: 'attachLocation', audio: 'attachAudio' } as const;
const GLYPH: Record<AttachKind, string> = { image: '▣', document: '▤', location: '◉', audio: '♪' };

/** The composer's "+": a small menu of attachments; Escape or a click elsewhere closes it. */
export function AttachMenu({ disabled, onPick }: { disabled: boolean; onPick(kind: AttachKind): void }) {
  const t = useT(messages);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') setOpen(false); };
    const onPointer = (event: MouseEvent) => { if (!root.current?.contains(event.target as Node)) setOpen(false); };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onPointer);
    };
  }, [open]);

  return (
    <div className="wa-attach" ref={root}>
      <button type="button" className="wa-icon-button" aria-label={t('attach')} title={t('attach')} aria-haspopup="menu" aria-expanded={open}
        data-testid="sim-attach" disabled={disabled} onClick={() => setOpen(!open)}>+</button>
      {open && !disabled && (
        <div className="wa-attach-menu" role="menu" aria-label={t('attach')}>
          {ATTACH_KINDS.map((kind) => (
            <button key={kind} type="button" role="menuitem" className="wa-attach-item" data-testid={`sim-attach-${kind}`}
              onClick={() => { setOpen(false); onPick(kind); }}>
              <span className={`wa-attach-glyph wa-attach-glyph-${kind}`} aria-hidden="true">{GLYPH[kind]}</span>{t(LABEL[kind])}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
