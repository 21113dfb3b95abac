import { useState } from 'react';
import { MAX_ADVANCE_SECONDS } from '../../schema/api/simulations.ts';
import type { AdvanceSimulation, PendingTimer } from '../api/types.ts';
import { useLocale, useT, type Locale } from '../i18n/index.ts';
import { messages } from './messages.ts';

const UNIT_SECONDS = { minutes: 60, hours: 3600, days: 86_400 } as const;
type Unit = keyof typeof UNIT_SECONDS;

interface TimeViewProps {
  /** The simulation's clock at its last answer; null before it starts. */
  clock: number | null;
  timers: PendingTimer[];
  disabled: boolean;
  onAdvance(advance: AdvanceSimulation): void;
}

/**
 * The simulation's clock and the timers it waits on, with "advance time": presets, "until the next
 * timer" and a custom amount (docs/time.md). Each timer says which node leaves through which output,
 * and how long until it falls due on the simulation's clock.
 */
export function TimeView({ clock, timers, disabled, onAdvance }: TimeViewProps) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const [amount, setAmount] = useState('2');
  const [unit, setUnit] = useState<Unit>('hours');
  const customSeconds = Math.round(Number(amount.replace(',', '.')) * UNIT_SECONDS[unit]);
  const customValid = amount.trim() !== '' && Number.isFinite(customSeconds) && customSeconds >= 1 && customSeconds <= MAX_ADVANCE_SECONDS;
  const presets: Array<['presetMinute' | 'presetHour' | 'presetDay', number]> = [['presetMinute', 60], ['presetHour', 3600], ['presetDay', 86_400]];

  return (
    <section className="sim-time" data-testid="sim-time" aria-label={t('time')}>
      <h3>{t('time')}</h3>
      {clock !== null && <p className="small muted" data-testid="sim-clock">{t('clockNow', { time: clockText(clock, locale) })}</p>}
      <div className="sim-time-advance" role="group" aria-label={t('advanceTime')}>
        {presets.map(([key, seconds]) => (
          <button key={key} type="button" className="btn btn-small" disabled={disabled} data-testid={`sim-advance-${seconds}`}
            onClick={() => onAdvance({ seconds })}>{t(key)}</button>
        ))}
        <button type="button" className="btn btn-small" disabled={disabled || timers.length === 0} data-testid="sim-advance-next"
          onClick={() => onAdvance({ until: 'next_timer' })}>{t('nextTimer')}</button>
      </div>
      <form className="sim-time-custom" onSubmit={(event) => { event.preventDefault(); if (customValid) onAdvance({ seconds: customSeconds }); }}>
        <input className="input input-small" inputMode="decimal" aria-label={t('customAmount')} data-testid="sim-advance-amount"
          value={amount} onChange={(event) => setAmount(event.target.value)} aria-invalid={!customValid} />
        <select className="select select-small" aria-label={t('unit')} data-testid="sim-advance-unit" value={unit}
          onChange={(event) => setUnit(event.target.value as Unit)}>
          <option value="minutes">{t('unitMinutes')}</option>
          <option value="hours">{t('unitHours')}</option>
          <option value="days">{t('unitDays')}</option>
        </select>
        <button type="submit" className="btn btn-small" disabled={disabled || !customValid} data-testid="sim-advance-custom">{t('advance')}</button>
      </form>
      <h4>{t('pendingTimers')}</h4>
      {timers.length === 0
        ? <p className="muted small" data-testid="sim-no-timers">{t('noTimers')}</p>
        : (
          <ul className="sim-timers" data-testid="sim-timers">
            {timers.map((timer, index) => (
              <li key={`${timer.dueAt}-${index}`} data-testid="sim-timer">
                {timer.kind === 'expire'
                  ? <span>{t('timerExpire')}</span>
                  : <span><code>{timer.nodeId}</code> → <code>{timer.output}</code></span>}
                <span className="muted"> · {clock === null ? '' : relativeText(timer.dueAt - clock, locale)}</span>
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}

/** "in 10 minutes", "en 2 horas", "em 1 dia": the largest unit that fits, in the UI's language. */
export function relativeText(ms: number, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return format.format(seconds, 'second');
  if (seconds < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (seconds < 48 * 3600) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** "1 hora", "24 horas", "90 segundos": how far the clock was moved. */
export function durationText(seconds: number, locale: Locale): string {
  const [value, unit] = seconds % 86_400 === 0 && seconds >= 2 * 86_400 ? [seconds / 86_400, 'day']
    : seconds % 3600 === 0 ? [seconds / 3600, 'hour']
      : seconds % 60 === 0 ? [seconds / 60, 'minute']
        : [seconds, 'second'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value as number);
}

function clockText(at: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}
