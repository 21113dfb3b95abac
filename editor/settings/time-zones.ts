/** The zone this browser is in (`America/Argentina/Buenos_Aires`), the sensible default for a new schedule. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let supported: readonly string[] | undefined;

/**
 * The IANA zones the engine knows, `UTC` and the browser's own first; `extra` (the flow's current zone,
 * which may be an alias the engine lists under another name) is added when missing.
 */
export function timeZoneNames(extra?: string): readonly string[] {
  supported ??= [...new Set(['UTC', browserTimeZone(), ...Intl.supportedValuesOf('timeZone')])];
  return extra === undefined || extra === '' || supported.includes(extra) ? supported : [extra, ...supported];
}

/**
 * A zone's offset from UTC at `at`, as `UTC−03:00` (`UTC` for none); empty for a zone the engine does not know.
 * @example zoneOffset('America/Argentina/Buenos_Aires', Date.UTC(2026, 0, 1)) // 'UTC−03:00'
 */
export function zoneOffset(timeZone: string, at: number): string {
  try {
    const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
    return name === 'GMT' ? 'UTC' : name.replace('GMT', 'UTC').replace('-', '−');
  } catch {
    return '';
  }
}

/** Lowercase without accents, `_` and `/` read as spaces: "sao paulo" finds `America/Sao_Paulo`. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[_/]/g, ' ').toLowerCase();

/**
 * The zones whose name holds every word typed, in the list's order; at most `limit`.
 * @example matchTimeZones(['Europe/Madrid', 'America/Argentina/Buenos_Aires'], 'buenos aires') // ['America/Argentina/Buenos_Aires']
 */
export function matchTimeZones(names: readonly string[], query: string, limit = 50): string[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  const found: string[] = [];
  for (const name of names) {
    const haystack = folded(name);
    if (words.every((word) => haystack.includes(word))) found.push(name);
    if (found.length === limit) break;
  }
  return found;
}
