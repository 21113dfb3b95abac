/**
 * Memoises a lookup until the current event-loop turn ends. The requests of one turn (a batch of
 * webhooks, their turns and sends) ask for the same channel many times; a change made through the
 * API is seen from the next turn on, so nothing stale outlives a millisecond.
 * @example const channelOf = tickCache((id: string) => channels.resolve(id)); channelOf('1065…');
 */
export function tickCache<K, V>(lookup: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key: K): V => {
    if (cache.has(key)) return cache.get(key) as V;
    if (cache.size === 0) setImmediate(() => cache.clear());
    const value = lookup(key);
    cache.set(key, value);
    return value;
  };
}
