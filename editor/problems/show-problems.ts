import type { Problem } from '../../schema/index.ts';

/**
 * Brings the problems panel into view from outside it (the header's error count, the save state, the
 * publish dialog), opened if it was folded (through its own toggle, so it remembers that), with its
 * first problem of `severity` focused — without one, the first error, else the first warning (Enter
 * opens it on its field).
 */
export function showProblems(severity?: Problem['severity']) {
  const panel = document.querySelector<HTMLElement>('.problems');
  const toggle = panel?.querySelector<HTMLButtonElement>('[data-testid="problems-toggle"]');
  if (toggle?.getAttribute('aria-expanded') === 'false') toggle.click();
  const selector = severity ? `.problem--${severity}` : '.problem--error, .problem--warning';
  const focus = () => {
    const target = panel?.querySelector<HTMLElement>(selector) ?? panel;
    target?.scrollIntoView?.({ block: 'nearest' });
    target?.focus();
    return target === document.activeElement;
  };
  // A list still hidden by the fold takes no focus: try again once React has shown it.
  if (!focus()) requestAnimationFrame(focus);
}
