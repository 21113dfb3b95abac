import './versions.css';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/index.ts';
import { messages } from './messages.ts';

/** How long a confirmation (published, live version changed) stays on screen. */
const NOTICE_MS = 5000;

interface NoticeToastProps {
  notice: string | null;
  onDismiss(): void;
}

/**
 * A short confirmation at the bottom centre of the canvas, above its zoom controls and minimap so it
 * covers no control; it goes away by itself or on a click. The live region stays mounted so screen
 * readers announce each new notice.
 */
export function NoticeToast({ notice, onDismiss }: NoticeToastProps) {
  const t = useT(messages);
  // The timer runs once per notice, whatever callback the page passes on its next render.
  const dismiss = useRef(onDismiss);
  useEffect(() => { dismiss.current = onDismiss; });
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => dismiss.current(), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <button type="button" className="banner banner-ok notice-toast" data-testid="editor-notice" title={t('dismiss')} onClick={onDismiss}>
          {notice}
        </button>
      )}
    </div>
  );
}
