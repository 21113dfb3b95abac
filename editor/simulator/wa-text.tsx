import { Fragment, type ReactNode } from 'react';

const MARKS: Array<{ pattern: RegExp; wrap: (inner: ReactNode, key: number) => ReactNode }> = [
  { pattern: /```([^`]+)```/, wrap: (inner, key) => <code key={key}>{inner}</code> },
  { pattern: /\*([^*\n]+)\*/, wrap: (inner, key) => <strong key={key}>{inner}</strong> },
  { pattern: /_([^_\n]+)_/, wrap: (inner, key) => <em key={key}>{inner}</em> },
  { pattern: /~([^~\n]+)~/, wrap: (inner, key) => <s key={key}>{inner}</s> },
];

function format(text: string, depth = 0): ReactNode[] {
  let earliest: { index: number; length: number; inner: string; mark: (typeof MARKS)[number] } | null = null;
  for (const mark of MARKS) {
    const found = mark.pattern.exec(text);
    if (found && (earliest === null || found.index < earliest.index)) {
      earliest = { index: found.index, length: found[0].length, inner: found[1]!, mark };
    }
  }
  if (!earliest) return [text];
  const before = text.slice(0, earliest.index);
  const after = text.slice(earliest.index + earliest.length);
  return [before, earliest.mark.wrap(format(earliest.inner, depth + 1), depth * 1000 + earliest.index), ...format(after, depth)];
}

/** Message text with WhatsApp's formatting (*bold*, _italic_, ~strike~, ```mono```) and line breaks. */
export function WaText({ text }: { text: string }) {
  return <>{text.split('\n').map((line, index) => (
    <Fragment key={index}>{index > 0 && <br />}{format(line)}</Fragment>
  ))}</>;
}
