import { useRef, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { useInspectorEnvironment } from '../InspectorContext.ts';
import { messages } from '../messages.ts';
import { errorId, Field, fieldIds } from './Field.tsx';
import { VariablePicker } from './VariablePicker.tsx';

export interface TextFieldProps {
  /** Path of the value in the node's data, e.g. `options.0.title`; names the field for tests and focus. */
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** A WhatsApp character limit: shows a counter that turns red past it. */
  limit?: number;
  multiline?: boolean;
  /** Offers the variable picker (the field is a template). */
  template?: boolean;
  placeholder?: string;
  hint?: string;
  /** What is wrong with the value: shown in red under the field, which is marked invalid. */
  error?: string | undefined;
  /** Tidies the value when the field loses focus (e.g. drops empty lines). */
  onBlur?(): void;
}

/** A text input with a character counter for WhatsApp's limits and, for templates, a variable picker. */
export function TextField({ name, label, value, onChange, limit, multiline, template, placeholder, hint, error, onBlur }: TextFieldProps) {
  const t = useT(messages);
  const { readOnly, endGesture } = useInspectorEnvironment();
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const ids = fieldIds(name);
  const over = limit !== undefined && [...value].length > limit;

  // `{{` typed in a template opens the variable list; the pick replaces those two braces.
  const [braces, setBraces] = useState<{ at: number; request: number }>({ at: -1, request: 0 });

  function insert(text: string) {
    const element = input.current;
    const typedBraces = braces.at >= 0 && value.slice(braces.at, braces.at + 2) === '{{';
    const start = typedBraces ? braces.at : element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + text + value.slice(typedBraces ? Math.max(end, braces.at + 2) : end));
    setBraces((previous) => ({ ...previous, at: -1 }));
    endGesture();
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + text.length, start + text.length);
    });
  }

  const common = {
    ...ids,
    ref: input,
    className: over || error !== undefined ? 'insp-input insp-input--over' : 'insp-input',
    value,
    placeholder,
    readOnly,
    'aria-invalid': over || error !== undefined || undefined,
    'aria-describedby': error !== undefined ? errorId(ids.id) : undefined,
    onChange: (event: { target: { value: string; selectionStart?: number | null } }) => {
      const { value: next, selectionStart } = event.target;
      const caret = selectionStart ?? next.length;
      if (template && next.length > value.length && next.slice(caret - 2, caret) === '{{' && next[caret - 3] !== '{') {
        setBraces((previous) => ({ at: caret - 2, request: previous.request + 1 }));
      }
      onChange(next);
    },
    onBlur: () => {
      onBlur?.();
      endGesture();
    },
  };
  return (
    <Field label={label} htmlFor={ids.id} hint={hint} error={error}>
      <div className="insp-text">
        {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
        <div className="insp-text-tools">
          {template && !readOnly && <VariablePicker field={input} openRequest={braces.request} onPick={(variable) => insert(`{{${variable}}}`)} />}
          {limit !== undefined && (
            <span
              className={over ? 'insp-counter insp-counter--over' : 'insp-counter'}
              data-testid={`counter-${name}`}
              title={over ? t('overLimit', { limit }) : undefined}
            >
              {[...value].length}/{limit}
            </span>
          )}
        </div>
      </div>
    </Field>
  );
}
