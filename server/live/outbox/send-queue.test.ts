import type { OutboxItem } from '../live-store.ts';
import { RateLimiter } from './rate-limiter.ts';
import { SendQueue } from './send-queue.ts';

const item = (id: number, conversationId: number, phoneNumberId: string): OutboxItem => ({
  id, conversationId, phoneNumberId, body: '{}', attempts: 0, nextAttemptAt: 0,
});

describe('send queue counts', () => {
  it('counts unsent and active messages as they are added, sent, retried and held by a paused number', () => {
    const queue = new SendQueue(new RateLimiter(1_000), () => 0, () => undefined);
    const first = item(1, 10, 'A');
    queue.add(first);
    queue.add(item(2, 10, 'A'));
    queue.add(item(3, 20, 'B'));
    expect([queue.unsentCount, queue.activeCount]).toEqual([3, 3]);

    queue.pauseNumber('B', Infinity);
    expect([queue.unsentCount, queue.activeCount]).toEqual([3, 2]);

    const [taken] = queue.take(0, 10);
    expect(taken).toBe(first);
    queue.release(first, { done: false });
    expect([queue.unsentCount, queue.activeCount]).toEqual([3, 2]);
    queue.take(0, 10);
    queue.release(first, { done: true });
    expect([queue.unsentCount, queue.activeCount]).toEqual([2, 1]);

    queue.resumeNumber('B');
    expect([queue.unsentCount, queue.activeCount]).toEqual([2, 2]);
    for (const next of queue.take(0, 10)) queue.release(next, { done: true });
    expect([queue.unsentCount, queue.activeCount, queue.empty]).toEqual([0, 0, true]);
  });
});
