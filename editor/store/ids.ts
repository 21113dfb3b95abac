/** The longest id docs/flow-format.md allows (`^[a-z0-9][a-z0-9_-]{0,63}$`). */
const MAX_ID_LENGTH = 64;

/**
 * Turns any text into a valid flow id stem: lower case, `[a-z0-9_-]`, starting with a letter or digit.
 * @example idStem('Menú Principal') // 'menu_principal'
 */
export function idStem(text: string): string {
  const stem = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
  return stem === '' ? 'n' : stem.slice(0, MAX_ID_LENGTH - 5);
}

/**
 * The first id built from `base` that `taken` does not hold: `base` itself when free
 * (unless `alwaysNumber`), then `base_2`, `base_3`… A trailing `_<n>` on `base` is dropped
 * first, so copying `menu_2` gives `menu_3`, not `menu_2_2`.
 */
export function freshId(base: string, taken: ReadonlySet<string>, alwaysNumber = false): string {
  const whole = idStem(base);
  if (!alwaysNumber && !taken.has(whole)) return whole;
  const stem = whole.replace(/_\d+$/, '') || 'n';
  for (let n = alwaysNumber ? 1 : 2; ; n++) {
    const candidate = `${stem}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
