import { WaText } from '../../simulator/wa-text.tsx';
import type { MessageSummary } from './message-summary.ts';

/** A history bubble's content from its summary: label, text (WhatsApp formatting), details, options, link. */
export function MessageContent({ summary }: { summary: MessageSummary }) {
  return (
    <>
      {summary.label !== undefined && (
        <span className="inbox-message-label" data-testid="message-label">{summary.icon && <span aria-hidden="true">{summary.icon} </span>}{summary.label}</span>
      )}
      {summary.text !== undefined && <span className="wa-bubble-text"><WaText text={summary.text} /></span>}
      {summary.details && (
        <ul className="inbox-message-details">{summary.details.map((line, index) => <li key={index}>{line}</li>)}</ul>
      )}
      {summary.options && summary.options.length > 0 && (
        <span className="inbox-message-options" data-testid="message-options">
          {summary.options.map((option, index) => <span key={index} className="inbox-message-option">{option}</span>)}
        </span>
      )}
      {summary.link && <a className="inbox-message-link" href={summary.link.href} target="_blank" rel="noreferrer noopener">{summary.link.text}</a>}
    </>
  );
}
