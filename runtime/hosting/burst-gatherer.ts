/**
 * Gathers the messages a customer sends in a quick burst (settings.burstMilliseconds) so they make
 * one turn: each message that may join (`joinsBursts`) waits until the contact has been quiet that
 * long, then the whole burst is released, in arrival order, for `joinBurst` to make one event of.
 * Host code, not core (it keeps the host's timers): the live server gathers webhook rows per contact
 * with it, and the editor's simulator the fragments a tester types, so both gather the same way.
 * In memory only: live stores the messages pending, so after a restart they are queued (and gathered) again.
 * @example const bursts = new BurstGatherer((key, items) => queues.push(key, () => turn(items))); bursts.gather(key, row, 1500);
 */
export class BurstGatherer<Item> {
  private readonly open = new Map<string, { items: Item[]; timer: ReturnType<typeof setTimeout>; released: () => void; done: Promise<void> }>();

  constructor(private readonly release: (key: string, items: Item[]) => void) {}

  /** Adds `item` to the contact's burst and waits `quietMs` more for the next one. */
  gather(key: string, item: Item, quietMs: number): void {
    const burst = this.open.get(key);
    if (burst) {
      burst.items.push(item);
      clearTimeout(burst.timer);
      burst.timer = setTimeout(() => this.flush(key), quietMs);
      return;
    }
    let released = () => {};
    const done = new Promise<void>((resolve) => (released = resolve));
    this.open.set(key, { items: [item], timer: setTimeout(() => this.flush(key), quietMs), released, done });
  }

  /** Releases the contact's burst now (a message that cannot join it came, and must come after it). */
  flush(key: string): void {
    const burst = this.open.get(key);
    if (!burst) return;
    clearTimeout(burst.timer);
    this.open.delete(key);
    this.release(key, burst.items);
    burst.released();
  }

  /** Contacts whose burst is still gathering. */
  get gathering(): number {
    return this.open.size;
  }

  /** Resolves once the contact's burst, if one is gathering, has been released. */
  releasedOf(key: string): Promise<void> {
    return this.open.get(key)?.done ?? Promise.resolve();
  }

  /** Resolves once every burst open now has been released. */
  async released(): Promise<void> {
    await Promise.all([...this.open.values()].map((burst) => burst.done));
  }
}
