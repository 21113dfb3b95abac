import { useEffect, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  testId: string;
  children: ReactNode;
  /** The buttons at the bottom, right-aligned. */
  actions: ReactNode;
  /** Escape and a click outside call it; without it the dialog must be answered. */
  onDismiss?: () => void;
}

/** A modal dialog over the page, used for every question the shell asks. */
export function Dialog({ title, testId, children, actions, onDismiss }: DialogProps) {
  useEffect(() => {
    if (!onDismiss) return;
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') onDismiss(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onDismiss]);

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => { if (event.target === event.currentTarget) onDismiss?.(); }}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <h2>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}
