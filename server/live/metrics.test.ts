import { LiveMetrics } from './metrics.ts';

const bucket = (text: string, le: string) => Number(new RegExp(`^charla_event_loop_lag_seconds_bucket\\{le="${le}"\\} (\\d+)$`, 'm').exec(text)?.[1]);

describe('event-loop lag', () => {
  it('records a stall of the event loop in the lag histogram', async () => {
    const metrics = new LiveMetrics();
    const stop = metrics.sampleEventLoopLag(5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const blockedUntil = performance.now() + 120;
    while (performance.now() < blockedUntil) {
      // a synchronous stall, as a long GC pause or a big synchronous loop would cause
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    stop();
    const text = metrics.exposition();
    expect(bucket(text, '\\+Inf')).toBeGreaterThan(2);
    expect(bucket(text, '0.05')).toBeLessThan(bucket(text, '\\+Inf'));
  });
});
