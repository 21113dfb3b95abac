import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import type { FormSource } from '../chat-entry.ts';
import { messages } from '../messages.ts';
import { resolveBindings, type BindingScope } from './bindings.ts';
import { fieldProblem, isInput, requiredFilled } from './field-rules.ts';
import { flowComponents } from './flow-components.tsx';
import { actionOf, componentsOf, screenById, textProp } from './flow-json.ts';

interface FlowFormSheetProps {
  source: FormSource;
  /** Called with the resolved `complete` payload (the caller adds the flow_token). */
  onComplete(payload: Record<string, unknown>): void;
  onClose(): void;
}

/**
 * A WhatsApp Flows form drawn from its Flow JSON: one screen at a time, `navigate` to the next,
 * back, and `complete` on the terminal screen's Footer.
 */
export function FlowFormSheet({ source, onComplete, onClose }: FlowFormSheetProps) {
  const t = useT(messages);
  const first = screenById(source.flowJson, source.screen) ?? source.flowJson.screens[0];
  const [stack, setStack] = useState([{ id: first?.id ?? '', data: source.data ?? {} }]);
  const [values, setValues] = useState<Record<string, Record<string, unknown>>>({});
  const [showProblems, setShowProblems] = useState(false);

  const current = stack[stack.length - 1]!;
  const screen = screenById(source.flowJson, current.id);
  if (!screen) return <div className="wa-sheet" data-testid="form-sheet"><p className="wa-form-error">{t('formMissing')}</p></div>;

  const components = componentsOf(screen);
  const form = values[screen.id] ?? {};
  const scope: BindingScope = { form, data: current.data };
  const footer = components.find((component) => component.type === 'Footer');
  const action = footer && actionOf(footer);
  const setValue = (name: string, value: unknown) => setValues({ ...values, [screen.id]: { ...form, [name]: value } });

  function pressFooter() {
    if (!action) return;
    if (components.some((component) => isInput(component) && fieldProblem(component, form[component.name]))) {
      return setShowProblems(true);
    }
    setShowProblems(false);
    const payload = (resolveBindings(action.payload ?? form, scope) ?? {}) as Record<string, unknown>;
    if (action.name === 'navigate' && action.next?.name) setStack([...stack, { id: action.next.name, data: payload }]);
    else if (action.name === 'complete') onComplete(payload);
  }

  return (
    <div className="wa-sheet wa-form" role="dialog" aria-label={screen.title ?? screen.id} data-testid="form-sheet" data-screen={screen.id}>
      <header className="wa-sheet-header">
        {stack.length > 1
          ? <button className="wa-icon-button" aria-label={t('back')} data-testid="form-back" onClick={() => setStack(stack.slice(0, -1))}>←</button>
          : <button className="wa-icon-button" aria-label={t('close')} data-testid="form-close" onClick={onClose}>✕</button>}
        <span className="wa-sheet-title">{screen.title ?? screen.id}</span>
      </header>
      <div className="wa-form-body">
        {components.map((component, index) => {
          const render = flowComponents[String(component.type)];
          const name = isInput(component) ? component.name : undefined;
          if (!render) return <p key={index} className="wa-caption">{t('unknownComponent', { type: String(component.type) })}</p>;
          return (
            <div key={name ?? index}>
              {render({
                component, scope, t,
                value: name === undefined ? undefined : form[name],
                problem: name !== undefined && showProblems ? fieldProblem(component, form[name]) : null,
                onChange: (value) => { if (name !== undefined) setValue(name, value); },
              })}
            </div>
          );
        })}
      </div>
      {footer && (
        <footer className="wa-form-footer">
          {action?.name === 'data_exchange' && <p className="wa-caption">{t('dataExchange')}</p>}
          <button className="wa-footer-button" data-testid="form-footer"
            disabled={!action || action.name === 'data_exchange' || !requiredFilled(components, form)} onClick={pressFooter}>
            {resolveBindings(textProp(footer, 'label') ?? '', scope) as string}
          </button>
        </footer>
      )}
    </div>
  );
}
