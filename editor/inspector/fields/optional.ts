/** An empty input clears an optional field instead of storing `""`. */
export function orUndefined(value: string): string | undefined {
  return value === '' ? undefined : value;
}
