/**
 * How long an instance on PostgreSQL may answer a hot read (a channel, a flow's live version) from
 * memory. Every webhook, turn and send asked PostgreSQL for the same channel and live pointer, a round
 * trip each (docs/performance.md, Several instances); a change made on this instance is seen at once,
 * one made on another within this time.
 */
export const SHARED_READ_CACHE_MS = 1000;

/**
 * Memoises found values of an async lookup for `maxAgeMs` (0: not at all, as on SQLite, whose reads
 * cost no round trip); `forget` drops what a local write changed. Misses are not kept, so a
 * channel bound elsewhere is found on its first webhook.
 * @example const cached = sharedReadCache((id: string) => query(id), 1000, Date.now); await cached.get(id); cached.forget(id);
 */
export function sharedReadCache<K, V>(lookup: (key: K) => Promise<V | undefined>, maxAgeMs: number, now: () => number = Date.now) {
  const entries = new Map<K, { value: V; at: number }>();
  return {
    async get(key: K): Promise<V | undefined> {
      const entry = entries.get(key);
      if (entry && now() - entry.at < maxAgeMs) return entry.value;
      const at = now();
      const value = await lookup(key);
      if (value === undefined || maxAgeMs <= 0) entries.delete(key);
      else entries.set(key, { value, at });
      return value;
    },
    forget(key?: K): void {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
  };
}
