/** Quotes a value for an attribute selector (jsdom has no `CSS.escape`). */
const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * Focuses the field named `field` (`options.1.title`) inside `root`; when no field has that exact
 * name, the closest enclosing one (`options.1`, then `options`).
 */
export function focusClosestField(root: HTMLElement, field: string): void {
  const parts = field.split('.');
  for (let length = parts.length; length > 0; length--) {
    const name = parts.slice(0, length).join('.');
    const exact = root.querySelector<HTMLElement>(`[data-field=${quoted(name)}]`);
    const within = exact ?? root.querySelector<HTMLElement>(`[data-testid=${quoted(`list-${name}`)}] [data-field]`);
    if (within) {
      within.scrollIntoView?.({ block: 'center' });
      within.focus();
      return;
    }
  }
}
