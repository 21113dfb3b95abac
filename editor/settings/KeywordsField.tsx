import { useState, type KeyboardEvent } from 'react';
import { foldTitle } from '../../schema/validate/field-checks.ts';
import { useT } from '../i18n/index.ts';
import { Field, fieldIds } from '../inspector/fields/index.ts';
import { useInspectorEnvironment } from '../inspector/InspectorContext.ts';
import { messages } from './messages.ts';

export interface KeywordsFieldProps {
  /** Path in the document (`settings.restartKeywords`); names the input for tests and focus. */
  name: string;
  label: string;
  hint: string;
  /** `undefined`: the defaults apply (if any). */
  value: readonly string[] | undefined;
  /** What applies when no keyword is set (shown as the placeholder); none: nothing applies. */
  defaults?: readonly string[];
  /** `undefined` when the last chip goes: back to the defaults. */
  onChange(value: string[] | undefined): void;
}

/**
 * Keywords as chips: Enter, a comma or leaving the field adds the text typed, Backspace in an empty
 * field removes the last chip. A keyword that matches one already there (ignoring case, accents and
 * spaces, as the runtime does) is refused with a note. Each add or removal is its own undo step.
 */
export function KeywordsField({ name, label, hint, value, defaults, onChange }: KeywordsFieldProps) {
  const t = useT(messages);
  const { readOnly, endGesture } = useInspectorEnvironment();
  const [draft, setDraft] = useState('');
  const keywords = value ?? [];
  const ids = fieldIds(name);
  const taken = draft.trim() !== '' && keywords.some((keyword) => foldTitle(keyword) === foldTitle(draft));

  function change(next: string[]) {
    onChange(next.length === 0 ? undefined : next);
    endGesture();
  }
  /** Adds each new keyword in `texts` (pasting `menu, inicio` adds two). */
  function add(texts: string[] = [draft]) {
    const next = [...keywords];
    for (const keyword of texts.map((text) => text.trim())) {
      if (keyword !== '' && !next.some((other) => foldTitle(other) === foldTitle(keyword))) next.push(keyword);
    }
    if (next.length > keywords.length) change(next);
    if (next.length > keywords.length || draft.trim() === '') setDraft('');
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && keywords.length > 0) {
      change(keywords.slice(0, -1));
    }
  }

  const placeholder = value === undefined && defaults !== undefined ? t('keywordsDefault', { list: defaults.join(', ') }) : t('keywordsNone');
  return (
    <Field label={label} htmlFor={ids.id} hint={<>{hint} {t('keywordsMatching')}</>}>
      <div className="chips" data-testid={`chips-${name}`}>
        {keywords.map((keyword, index) => (
          <span className="chip" key={`${keyword}-${index}`} data-testid={`chip-${name}-${index}`}>
            {keyword}
            {!readOnly && (
              <button type="button" className="chip-remove" aria-label={t('removeKeyword', { keyword })} data-testid={`chip-${name}-${index}-remove`}
                onClick={() => change(keywords.filter((_, i) => i !== index))}>×</button>
            )}
          </span>
        ))}
        {!readOnly && (
          <input {...ids} className="chips-input" value={draft} placeholder={keywords.length === 0 ? placeholder : undefined}
            aria-invalid={taken || undefined} onChange={(event) => (event.target.value.includes(',') ? add(event.target.value.split(',')) : setDraft(event.target.value))}
            onKeyDown={onKeyDown} onBlur={() => add()} />
        )}
        {readOnly && keywords.length === 0 && <span className="chips-placeholder" {...ids} tabIndex={-1}>{placeholder}</span>}
      </div>
      {taken && <div className="chips-note" role="status">{t('keywordTaken', { keyword: draft.trim() })}</div>}
    </Field>
  );
}
