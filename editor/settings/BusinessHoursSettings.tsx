import { useState } from 'react';
import { localTime } from '../../runtime/core/business-hours.ts';
import { DEFAULT_SETTINGS, isKnownTimeZone, minutesOfDay, WEEKDAYS, type BusinessHours, type OpenInterval, type Weekday } from '../../schema/index.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { useInspectorEnvironment } from '../inspector/InspectorContext.ts';
import { useNow } from '../pages/inbox/use-now.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { hoursMessages } from './hours-messages.ts';
import { clockTime, hoursSummary } from './hours-summary.ts';
import { browserTimeZone } from './time-zones.ts';
import { TimeZoneField } from './TimeZoneField.tsx';

const MAX_INTERVALS = 12;
const MONDAY_TO_FRIDAY: readonly Weekday[] = WEEKDAYS.slice(0, 5);
const NINE_TO_SIX: OpenInterval = { from: '09:00', to: '18:00' };
const field = (path: string) => `settings.businessHours.${path}`;

/** `HH:MM` of minutes of the day, `24:00` for midnight at the end of it (the schema's spelling). */
const hhmm = (minutes: number) => (minutes >= 24 * 60 ? '24:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);

/** The weekday's name in the UI language, capitalised (2024-01-01 was a Monday). */
function weekdayName(day: Weekday, locale: string): string {
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day), 12));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * What was typed as a time of day, spelled as the schema wants it (`9` → `09:00`, `930` → `09:30`,
 * `24` → `24:00`); null when it is not one.
 */
export function parseTimeOfDay(typed: string): string | null {
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?$/.exec(typed.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2] ?? 0);
  return Number(match[2] ?? 0) < 60 && minutes <= 24 * 60 ? hhmm(minutes) : null;
}

/**
 * A time of day on a 24-hour clock, typed (`09:00`, `24:00`): the browser's time input follows the
 * browser's language (12-hour in English) and cannot say 24:00. Written when the field is left or on
 * Enter; what is not a time goes back to the value.
 */
function TimeOfDayInput({ field: name, testId, label, invalid, value, onCommit }: {
  field: string; testId: string; label: string; invalid: boolean; value: string; onCommit(time: string): void;
}) {
  const { readOnly } = useInspectorEnvironment();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const time = parseTimeOfDay(draft);
    setDraft(null);
    if (time !== null && time !== value) onCommit(time);
  };
  return (
    <input className="insp-input hours-time" data-field={name} data-testid={testId} aria-label={label} aria-invalid={invalid || undefined}
      inputMode="numeric" placeholder="HH:MM" maxLength={5} spellCheck={false} autoComplete="off" readOnly={readOnly}
      value={draft ?? value} onChange={(event) => setDraft(event.target.value)} onBlur={commit}
      onKeyDown={(event) => { if (event.key === 'Enter') commit(); else if (event.key === 'Escape') setDraft(null); }} />
  );
}

/** A new interval after the day's last one: an hour later, four hours long (at most to midnight). */
function nextInterval(intervals: readonly OpenInterval[]): OpenInterval {
  const last = intervals.at(-1);
  const from = last === undefined ? 9 * 60 : minutesOfDay(last.to) + 60;
  if (from >= 23 * 60) return NINE_TO_SIX;
  return { from: hhmm(from), to: hhmm(Math.min(from + 4 * 60, 24 * 60)) };
}

/**
 * The flow's time zone and business hours (`settings.timeZone`, `settings.businessHours`): each
 * weekday closed or open in one or more intervals, holidays, and a live line saying whether the flow
 * is open now and when that changes, from the runtime's own reading of the hours. Problems the
 * validator finds show under the interval or date they point at.
 */
export function BusinessHoursSettings() {
  const t = useT(hoursMessages);
  const locale = useLocale((state) => state.locale);
  const store = useEditorStoreApi();
  const { readOnly, endGesture } = useInspectorEnvironment();
  const timeZone = useEditorStore((state) => state.document.settings?.timeZone);
  const hours = useEditorStore((state) => state.document.settings?.businessHours);
  const problems = useEditorStore((state) => state.problems);
  const now = useNow(30_000);
  const zone = timeZone ?? DEFAULT_SETTINGS.timeZone;

  const problemAt = (path: string) => {
    const pointer = `/${field(path).replace(/\./g, '/')}`;
    return problems.find((problem) => problem.pointer === pointer || problem.pointer.startsWith(`${pointer}/`))?.message;
  };
  const update = (businessHours: BusinessHours | undefined, gestureEnds = true) => {
    store.getState().updateSettings({ businessHours });
    if (gestureEnds) endGesture();
  };
  const setDay = (weekly: BusinessHours['weekly'], day: Weekday, intervals: readonly OpenInterval[] | undefined): BusinessHours['weekly'] => {
    const { [day]: _replaced, ...others } = weekly;
    return intervals === undefined || intervals.length === 0 ? others : { ...others, [day]: intervals.map((interval) => ({ ...interval })) };
  };

  const enable = (on: boolean) => {
    if (!on) return update(undefined);
    const weekly = Object.fromEntries(MONDAY_TO_FRIDAY.map((day) => [day, [NINE_TO_SIX]]));
    store.getState().updateSettings({ businessHours: { weekly }, ...(timeZone === undefined && { timeZone: browserTimeZone() }) });
    endGesture();
  };

  const zoneKnown = isKnownTimeZone(zone);
  // A new holiday starts as today in the flow's zone, for the user to change.
  const today = zoneKnown ? localTime(now, zone).date : new Date(now).toISOString().slice(0, 10);
  const clock = (() => {
    if (!zoneKnown) return undefined;
    const local = localTime(now, zone);
    return t('summaryClock', { time: clockTime(local.minutes), day: weekdayName(local.weekday, locale).toLowerCase(), zone });
  })();

  return (
    <div className="hours-settings" data-testid="business-hours">
      <TimeZoneField value={timeZone} now={now} onChange={(next) => store.getState().updateSettings({ timeZone: next })} />
      <label className="insp-check">
        <input type="checkbox" data-testid="field-settings.businessHours" data-field="settings.businessHours" checked={hours !== undefined}
          disabled={readOnly} onChange={(event) => enable(event.target.checked)} />
        {t('enabled')}
      </label>
      <p className="insp-hint settings-section-hint">{t('enabledHint')}</p>
      {hours && (
        <>
          <p className="hours-summary" data-testid="hours-summary" title={clock}>
            {hoursSummary({ timeZone: zone, businessHours: hours }, now, locale, t)}
          </p>
          <div className="hours-week" data-testid="hours-week">
            {WEEKDAYS.map((day) => {
              const intervals = hours.weekly[day] ?? [];
              const name = weekdayName(day, locale);
              const setIntervals = (next: readonly OpenInterval[] | undefined, gestureEnds = true) =>
                update({ ...hours, weekly: setDay(hours.weekly, day, next) }, gestureEnds);
              return (
                <div className="hours-day" key={day} data-testid={`hours-day-${day}`}>
                  <label className="insp-check hours-day-name">
                    <input type="checkbox" data-testid={`field-${field(`weekly.${day}`)}`} checked={intervals.length > 0} disabled={readOnly}
                      aria-label={t('dayOpen', { day: name })} onChange={(event) => setIntervals(event.target.checked ? [NINE_TO_SIX] : undefined)} />
                    {name}
                  </label>
                  <div className="hours-intervals">
                    {intervals.length === 0 && <span className="hours-closed">{t('closed')}</span>}
                    {intervals.map((interval, index) => {
                      const path = `weekly.${day}.${index}`;
                      const problem = problemAt(path);
                      const setTime = (end: 'from' | 'to', time: string) =>
                        setIntervals(intervals.map((other, i) => (i === index ? { ...other, [end]: time } : other)));
                      return (
                        <div key={index} className="hours-interval-wrap">
                          <div className={problem ? 'hours-interval hours-interval--problem' : 'hours-interval'}>
                            <TimeOfDayInput field={field(path)} testId={`field-${field(`${path}.from`)}`} label={t('intervalFrom', { day: name })}
                              invalid={problem !== undefined} value={interval.from} onCommit={(time) => setTime('from', time)} />
                            <span className="hours-until">{t('until')}</span>
                            <TimeOfDayInput field={field(`${path}.to`)} testId={`field-${field(`${path}.to`)}`} label={t('intervalTo', { day: name })}
                              invalid={problem !== undefined} value={interval.to} onCommit={(time) => setTime('to', time)} />
                            {!readOnly && (
                              <button type="button" className="hours-remove" data-testid={`list-${field(path)}-remove`}
                                aria-label={t('removeInterval', { from: interval.from, to: interval.to })} title={t('removeInterval', { from: interval.from, to: interval.to })}
                                onClick={() => setIntervals(intervals.filter((_, i) => i !== index))}>✕</button>
                            )}
                          </div>
                          {problem && <div className="insp-hint insp-hint--error" role="alert" data-testid={`hours-problem-${day}-${index}`}>{problem}</div>}
                        </div>
                      );
                    })}
                    {!readOnly && intervals.length > 0 && (
                      <div className="hours-day-tools">
                        {intervals.length < MAX_INTERVALS && (
                          <button type="button" className="hours-link" data-testid={`list-${field(`weekly.${day}`)}-add`}
                            onClick={() => setIntervals([...intervals, nextInterval(intervals)])}>{t('addInterval')}</button>
                        )}
                        <button type="button" className="hours-link" data-testid={`hours-copy-${day}`} title={t('copyToWeekdaysHint', { day: name.toLowerCase() })}
                          onClick={() => update({ ...hours, weekly: MONDAY_TO_FRIDAY.reduce((weekly, weekday) => setDay(weekly, weekday, intervals), hours.weekly) })}>
                          {t('copyToWeekdays')}
                        </button>
                      </div>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
          <p className="insp-hint">{t('midnightHint')}</p>

          <h4 className="insp-subsection">{t('holidays')}</h4>
          <p className="insp-hint settings-section-hint">{t('holidaysHint')}</p>
          <div className="hours-holidays" data-testid={`list-${field('holidays')}`}>
            {(hours.holidays ?? []).length === 0 && <p className="insp-list-empty">{t('noHolidays')}</p>}
            {(hours.holidays ?? []).map((date, index) => {
              const problem = problemAt(`holidays.${index}`);
              const holidays = hours.holidays ?? [];
              const setHolidays = (next: string[], gestureEnds = true) =>
                update(next.length === 0 ? { weekly: hours.weekly } : { ...hours, holidays: next }, gestureEnds);
              return (
                <div key={index} className="hours-interval-wrap">
                  <div className="hours-interval">
                    <input type="date" className="insp-input hours-date" data-field={field(`holidays.${index}`)} data-testid={`field-${field(`holidays.${index}`)}`}
                      aria-label={t('holidays')} aria-invalid={problem !== undefined || undefined} readOnly={readOnly} value={date}
                      onChange={(event) => { if (event.target.value !== '') setHolidays(holidays.map((other, i) => (i === index ? event.target.value : other)), false); }}
                      onBlur={endGesture} />
                    {!readOnly && (
                      <button type="button" className="hours-remove" data-testid={`list-${field('holidays')}-${index}-remove`}
                        aria-label={t('removeHoliday', { date })} title={t('removeHoliday', { date })}
                        onClick={() => setHolidays(holidays.filter((_, i) => i !== index))}>✕</button>
                    )}
                  </div>
                  {problem && <div className="insp-hint insp-hint--error" role="alert">{problem}</div>}
                </div>
              );
            })}
            {!readOnly && (
              <button type="button" className="insp-list-add" data-testid={`list-${field('holidays')}-add`}
                onClick={() => update({ ...hours, holidays: [...(hours.holidays ?? []), today] })}>{t('addHoliday')}</button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
