/** What `${form.x}` and `${data.x}` read: the screen's inputs and the data it was opened with. */
export interface BindingScope { form: Record<string, unknown>; data: Record<string, unknown> }

const WHOLE = /^\$\{(form|data)\.([\w.]+)\}$/;
const INSIDE = /\$\{(form|data)\.([\w.]+)\}/g;

function lookup(scope: BindingScope, root: 'form' | 'data', path: string): unknown {
  return path.split('.').reduce<unknown>(
    (value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined),
    scope[root],
  );
}

/**
 * Replaces Flow JSON bindings in a payload, as WhatsApp does: a value that is only a binding keeps
 * its type (a CheckboxGroup's array, an OptIn's boolean); a binding inside text is interpolated.
 * @example resolveBindings({ a: '${form.x}' }, { form: { x: ['1'] }, data: {} }) // { a: ['1'] }
 */
export function resolveBindings(value: unknown, scope: BindingScope): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return lookup(scope, whole[1] as 'form' | 'data', whole[2]!);
    return value.replace(INSIDE, (_match, root: 'form' | 'data', path: string) => String(lookup(scope, root, path) ?? ''));
  }
  if (Array.isArray(value)) return value.map((item) => resolveBindings(item, scope));
  if (typeof value === 'object' && value !== null) {
    const resolved: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const result = resolveBindings(item, scope);
      // An input left empty is left out, as WhatsApp leaves it out of response_json.
      if (result !== undefined) resolved[key] = result;
    }
    return resolved;
  }
  return value;
}

/** Text shown on a screen, with its bindings filled in. */
export function resolveText(text: string | undefined, scope: BindingScope): string {
  return text === undefined ? '' : String(resolveBindings(text, scope) ?? '');
}
