import { useId, useMemo, useState } from 'react';
import { isKnownTimeZone } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { Field, fieldIds } from '../inspector/fields/index.ts';
import { useInspectorEnvironment } from '../inspector/InspectorContext.ts';
import { hoursMessages } from './hours-messages.ts';
import { matchTimeZones, timeZoneNames, zoneOffset } from './time-zones.ts';

/**
 * `settings.timeZone`: a combobox over the engine's IANA zones (WAI-ARIA combobox with a listbox),
 * each shown with its current offset. Only a zone from the list (or clearing it, for UTC) is written;
 * anything else typed goes back to the current value when the field is left.
 */
export function TimeZoneField({ value, now, onChange }: { value: string | undefined; now: number; onChange(zone: string | undefined): void }) {
  const t = useT(hoursMessages);
  const { readOnly, endGesture } = useInspectorEnvironment();
  const ids = fieldIds('settings.timeZone');
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const names = useMemo(() => timeZoneNames(value), [value]);
  const matches = useMemo(() => (query === null ? [] : matchTimeZones(names, query)), [names, query]);
  const open = query !== null && !readOnly;
  const known = value === undefined || isKnownTimeZone(value);

  const pick = (zone: string | undefined) => {
    setQuery(null);
    if (zone !== value) onChange(zone);
    endGesture();
  };
  const leave = () => {
    if (query === null) return;
    const typed = query.trim();
    if (typed === '') return pick(undefined);
    const exact = names.find((name) => name.toLowerCase() === typed.toLowerCase());
    if (exact) return pick(exact);
    setQuery(null);
  };

  return (
    <Field label={t('timeZone')} htmlFor={ids.id} hint={t('timeZoneHint')}>
      <div className="tz-field">
        <div className="tz-input-row">
          <input {...ids} className="insp-input" role="combobox" aria-expanded={open} aria-controls={listId} aria-autocomplete="list"
            aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined} aria-invalid={!known || undefined}
            value={query ?? value ?? ''} placeholder={t('timeZoneDefault')} readOnly={readOnly} spellCheck={false} autoComplete="off"
            onFocus={(event) => { if (!readOnly) { setQuery(value ?? ''); setActive(0); event.target.select(); } }}
            onChange={(event) => { setQuery(event.target.value); setActive(0); }}
            onBlur={leave}
            onKeyDown={(event) => {
              if (!open) return;
              if (event.key === 'ArrowDown') { event.preventDefault(); setActive((index) => Math.min(index + 1, matches.length - 1)); }
              else if (event.key === 'ArrowUp') { event.preventDefault(); setActive((index) => Math.max(index - 1, 0)); }
              else if (event.key === 'Enter') { event.preventDefault(); if (matches[active]) pick(matches[active]); }
              else if (event.key === 'Escape') { event.preventDefault(); setQuery(null); }
            }} />
          <span className="tz-offset" data-testid="time-zone-offset">{known ? zoneOffset(value ?? 'UTC', now) : ''}</span>
        </div>
        {open && (
          <ul className="tz-list" id={listId} role="listbox" aria-label={t('timeZone')} data-testid="time-zone-list">
            {matches.length === 0 && <li className="tz-none">{t('timeZoneNone')}</li>}
            {matches.map((zone, index) => (
              <li key={zone} id={`${listId}-${index}`} role="option" aria-selected={index === active} data-testid={`time-zone-option-${zone}`}
                className={index === active ? 'tz-option tz-option--active' : 'tz-option'}
                onMouseDown={(event) => event.preventDefault()} onMouseEnter={() => setActive(index)} onClick={() => pick(zone)}>
                <span>{zone.replace(/_/g, ' ')}</span><small>{zoneOffset(zone, now)}</small>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Field>
  );
}
