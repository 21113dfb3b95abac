import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type RefObject } from 'react';
import { useT } from '../../i18n/index.ts';
import { useInspectorEnvironment } from '../InspectorContext.ts';
import { messages } from '../messages.ts';
import { popoverPlacement, type PopoverPlacement } from './popover-placement.ts';

function placementStyle(placement: PopoverPlacement | null): CSSProperties {
  if (!placement) return { visibility: 'hidden' };
  return {
    position: 'fixed', right: placement.right, maxHeight: placement.maxHeight,
    ...(placement.side === 'below' ? { top: placement.offset } : { bottom: placement.offset }),
  };
}

/**
 * A `{x}` button listing the variables a template may use; picking one inserts `{{name}}`. The list
 * opens below the field's tools, or above the field when the window has no room below, never over the
 * field; Escape or a click elsewhere closes it and gives the focus back to the field.
 */
export function VariablePicker({ field, onPick, openRequest = 0 }: {
  field: RefObject<HTMLElement | null>;
  onPick(variable: string): void;
  /** Opens the list whenever it grows (the field saw `{{` typed). */
  openRequest?: number;
}) {
  const t = useT(messages);
  const { variables } = useInspectorEnvironment();
  const [open, setOpen] = useState(false);
  const [placement, setPlacement] = useState<PopoverPlacement | null>(null);
  const root = useRef<HTMLSpanElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (openRequest > 0) setOpen(true);
  }, [openRequest]);

  // Closing hands the focus back to the field, so typing goes on where it was.
  const close = useCallback(() => {
    setOpen(false);
    field.current?.focus();
  }, [field]);

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const anchor = root.current?.getBoundingClientRect();
      const box = field.current?.getBoundingClientRect();
      if (anchor && box) setPlacement(popoverPlacement(box, anchor, { width: window.innerWidth, height: window.innerHeight }));
    };
    place();
    // The inspector scrolls under a fixed popover: follow the field.
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
      setPlacement(null);
    };
  }, [open, field]);

  useEffect(() => {
    if (!open) return;
    const escape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      close();
    };
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', escape, true);
    document.addEventListener('pointerdown', outside, true);
    return () => {
      document.removeEventListener('keydown', escape, true);
      document.removeEventListener('pointerdown', outside, true);
    };
  }, [open, close]);

  // Arrow keys walk the options (and back to the top), as in a listbox.
  function walk(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const options = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const current = options.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? (current + 1) % options.length : (current <= 0 ? options.length : current) - 1;
    options[next]?.focus();
  }

  return (
    <span className="insp-varpicker" ref={root} onKeyDown={open ? walk : undefined}>
      <button
        type="button"
        className="insp-varpicker-button"
        title={t('insertVariable')}
        aria-label={t('insertVariable')}
        aria-expanded={open}
        aria-haspopup="listbox"
        data-testid="variable-picker"
        onMouseDown={(event) => event.preventDefault() /* keep the caret in the input */}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {'{x}'}
      </button>
      {open && (
        <ul className="insp-varpicker-menu" role="listbox" aria-label={t('insertVariable')} ref={menu}
          data-testid="variable-picker-menu" data-side={placement?.side} style={placementStyle(placement)}>
          {variables.length === 0 && <li className="insp-varpicker-empty">{t('noVariables')}</li>}
          {variables.map((variable) => (
            <li key={variable}>
              <button
                type="button"
                role="option"
                aria-selected={false}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  setOpen(false);
                  onPick(variable);
                }}
              >
                {`{{${variable}}}`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
