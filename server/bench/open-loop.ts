import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Identifies the request in `acknowledged` (the wamid). */
  id: string;
}

export interface OpenLoopResult {
  /** Milliseconds from the moment each request was due to its complete response, sorted. */
  latencies: number[];
  acknowledged: string[];
  failures: number;
}

/**
 * Offers requests at a fixed rate whatever the server does (open loop): a slow answer does not
 * delay the next request, and latency counts from when a request was due, so stalls are not hidden.
 * @example const { latencies } = await openLoop(url, 2000, 10_000, (n) => makeRequest(n));
 */
export async function openLoop(
  url: string, ratePerSecond: number, durationMs: number, make: (sequence: number) => LoadRequest, options: { warmupMs?: number } = {},
): Promise<OpenLoopResult> {
  const pool = new Pool(url, { connections: 512, pipelining: 1 });
  // The same rate first, unmeasured: connections opened, the server at its steady state.
  const warmup = options.warmupMs ? await offer(pool, ratePerSecond, options.warmupMs, make) : undefined;
  const result = await offer(pool, ratePerSecond, durationMs, make);
  await pool.close();
  // Every acknowledged id counts (for lost messages); latencies only from the measured part.
  return warmup
    ? { ...result, acknowledged: [...warmup.acknowledged, ...result.acknowledged], failures: warmup.failures + result.failures }
    : result;
}

async function offer(pool: Pool, ratePerSecond: number, durationMs: number, make: (sequence: number) => LoadRequest): Promise<OpenLoopResult> {
  const latencies: number[] = [];
  const acknowledged: string[] = [];
  let failures = 0;
  let offered = 0;
  const total = Math.round((ratePerSecond * durationMs) / 1000);
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();

  const fire = (sequence: number, dueAt: number): void => {
    const request = make(sequence);
    const done = pool.request({ method: 'POST', path: request.path, headers: request.headers, body: request.body })
      .then(async (response) => {
        await response.body.dump();
        latencies.push(performance.now() - dueAt);
        if (response.statusCode === 200) acknowledged.push(request.id);
        else failures += 1;
      }, () => {
        failures += 1;
      });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };

  while (offered < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * ratePerSecond) / 1000));
    for (; offered < due; offered += 1) fire(offered, start + (offered * 1000) / ratePerSecond);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return { latencies, acknowledged, failures };
}

/** The q-th quantile (0..1) of sorted values. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
