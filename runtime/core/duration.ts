const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * A duration as people write it, in milliseconds: `500ms`, `90s`, `30m`, `2h`, `1d` (decimals
 * allowed); undefined when `text` is not one. Used by `#wait:` lines and golden conversations.
 * @example parseDuration('90s') // 90000
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  return match ? Number(match[1]) * UNITS[match[2] as keyof typeof UNITS] : undefined;
}
