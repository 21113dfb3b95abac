import { useState } from 'react';
import type { GraphInteractive, InboundMessage } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { inbound } from './inbound-messages.ts';
import { messages } from './messages.ts';

/** WhatsApp's list sheet: sections of rows with radio marks, sent with the button at the bottom. */
export function ListSheet({ interactive, onReply, onClose }: { interactive: GraphInteractive; onReply(message: InboundMessage): void; onClose(): void }) {
  const t = useT(messages);
  const [chosen, setChosen] = useState<string | null>(null);
  const rows = (interactive.action.sections ?? []).flatMap((section) => section.rows);
  const row = rows.find((candidate) => candidate.id === chosen);
  return (
    <div className="wa-sheet wa-list-sheet" role="dialog" aria-label={interactive.action.button} data-testid="list-sheet">
      <header className="wa-sheet-header">
        <button className="wa-icon-button" aria-label={t('close')} onClick={onClose}>✕</button>
        <span className="wa-sheet-title">{interactive.action.button}</span>
      </header>
      <div className="wa-list-body">
        {(interactive.action.sections ?? []).map((section, index) => (
          <section key={index}>
            {section.title && <h3 className="wa-list-section">{section.title}</h3>}
            {section.rows.map((item) => (
              <label key={item.id} className="wa-choice" data-testid="list-row" data-id={item.id}>
                <span>
                  <span className="wa-choice-title">{item.title}</span>
                  {item.description && <span className="wa-choice-description">{item.description}</span>}
                </span>
                <input type="radio" name="wa-list" value={item.id} checked={chosen === item.id} onChange={() => setChosen(item.id)} />
              </label>
            ))}
          </section>
        ))}
      </div>
      <footer className="wa-form-footer">
        <button className="wa-footer-button" data-testid="list-send" disabled={!row} onClick={() => row && onReply(inbound.listReply(row))}>{t('listSend')}</button>
      </footer>
    </div>
  );
}
