import type { RunSummary } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { messages } from './messages.ts';

const TONE = { open: 'pill-muted', handoff: 'pill-warn', completed: 'pill-ok', abandoned: 'pill-error', errored: 'pill-error' } as const;

/** A run's outcome in words, coloured; a completed run that went through a person says so too. */
export function OutcomePill({ run }: { run: Pick<RunSummary, 'outcome' | 'handedOff'> }) {
  const t = useT(messages);
  const outcome = run.outcome as keyof typeof TONE;
  return (
    <span className="history-outcome">
      <span className={`pill ${TONE[outcome] ?? 'pill-muted'}`} data-testid="run-outcome">{t(`outcome_${outcome}`)}</span>
      {run.handedOff && run.outcome !== 'handoff' && <span className="pill pill-muted" data-testid="run-handed-off">{t('handedOff')}</span>}
    </span>
  );
}
