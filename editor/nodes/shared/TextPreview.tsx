import { Fragment } from 'react';

/** Long texts are cut on the card; the inspector shows them whole. */
const PREVIEW_CHARS = 140;

/** A template shown on a node card, with `{{variables}}` set apart. */
export function TextPreview({ text, empty, className = 'node-text' }: { text: string | undefined; empty: string; className?: string }) {
  if (!text) return <div className={`${className} node-text--empty`}>{empty}</div>;
  const shown = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
  const parts = shown.split(/(\{\{[^}]*\}\})/g);
  return (
    <div className={className}>
      {parts.map((part, index) =>
        part.startsWith('{{') ? <span className="node-var" key={index}>{part}</span> : <Fragment key={index}>{part}</Fragment>)}
    </div>
  );
}
