import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { messages } from './messages.ts';

/** A value to paste elsewhere (a token, the webhook URL): selectable text and a copy button. */
export function CopyField({ value, testId }: { value: string; testId: string }) {
  const t = useT(messages);
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Without clipboard access (plain http on another host) the text stays selectable.
      setCopied(false);
    }
  }
  return (
    <div className="copy-field">
      <input readOnly value={value} data-testid={testId} className="mono" onFocus={(event) => event.target.select()} />
      <button type="button" className="btn btn-small" onClick={() => void copy()}>{copied ? t('copied') : t('copy')}</button>
    </div>
  );
}
