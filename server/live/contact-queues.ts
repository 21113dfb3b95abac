/**
 * One queue per contact: tasks of one key run one at a time, in the order they were pushed;
 * tasks of different keys run concurrently. In memory only: the processor rebuilds it from the
 * pending rows at start-up.
 * @example queues.push('106540352242922:5491155550123', () => processMessage(row));
 */
export class ContactQueues {
  private readonly queues = new Map<string, Array<() => Promise<void>>>();
  private idleWaiters: Array<() => void> = [];
  private readonly keyWaiters = new Map<string, Array<() => void>>();

  constructor(private readonly onError: (key: string, error: unknown) => void) {}

  push(key: string, task: () => Promise<void>): void {
    const queue = this.queues.get(key);
    if (queue) {
      queue.push(task);
      return;
    }
    this.queues.set(key, [task]);
    void this.drain(key);
  }

  /** Contacts with work queued or running. */
  get activeContacts(): number {
    return this.queues.size;
  }

  /** Resolves once every queue is empty (tests, shutdown). */
  idle(): Promise<void> {
    if (this.queues.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The contact has work queued or running. */
  has(key: string): boolean {
    return this.queues.has(key);
  }

  /** Resolves once the contact's queue is empty. */
  idleOf(key: string): Promise<void> {
    if (!this.queues.has(key)) return Promise.resolve();
    return new Promise((resolve) => this.keyWaiters.set(key, [...this.keyWaiters.get(key) ?? [], resolve]));
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) {
      try {
        await queue[0]!();
      } catch (error) {
        this.onError(key, error);
      }
      queue.shift();
    }
    this.queues.delete(key);
    for (const resolve of this.keyWaiters.get(key) ?? []) resolve();
    this.keyWaiters.delete(key);
    if (this.queues.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
