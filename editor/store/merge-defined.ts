/**
 * `{ ...base, ...patch }` where an `undefined` in the patch removes the field rather than storing
 * a hole: optional fields of the document are absent, never `undefined` (the JSON stays clean).
 */
export function mergeDefined<T extends object>(base: T, patch: Partial<T>): T {
  const merged: Record<string, unknown> = { ...base, ...patch };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as T;
}
