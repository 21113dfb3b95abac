/**
 * Reads `segments[start..]` from `root`, one own property (or array index) at a time.
 * Inherited properties (`constructor`, `__proto__`) are never reached.
 * @example readPath({ data: { items: [{ id: 7 }] } }, 'data.items.0.id'.split('.')) // 7
 */
export function readPath(root: unknown, segments: readonly string[], start = 0): unknown {
  let value = root;
  for (let i = start; i < segments.length; i++) {
    if (value === null || typeof value !== 'object') return undefined;
    const key = segments[i]!;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
