import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/**
 * The event loop's stalls while some work runs: a 1 ms timer notes how late each tick comes. A
 * stall is what /healthz and every other customer wait. On a machine shared with other processes
 * most of a stall can be time the OS gave the CPU to someone else, so on Linux each stall is split
 * with the main thread's scheduler counters (/proc/thread-self/schedstat: time on a CPU, time
 * runnable but waiting for one); what is left is time blocked (a lock, synchronous I/O, waiting for
 * the garbage collector's helper threads).
 */
export interface Stall {
  /** Milliseconds between two ticks that should have been 1 ms apart. */
  wall: number;
  /** Of which the main thread ran on a CPU: the work Charla did, blocking everyone (undefined off Linux). */
  onCpu?: number;
  /** Of which it was ready to run but the OS ran other processes. */
  waitingForCpu?: number;
}

export interface StallReport {
  /** The longest stall, split. */
  worst: Stall;
  /** The stall with the most on-CPU time (the longest run of Charla's own work), split; undefined off Linux. */
  worstOnCpu?: Stall;
  /** 99th percentile of the stalls' wall time, ms. */
  p99: number;
}

const SCHEDSTAT = '/proc/thread-self/schedstat';

/** Nanoseconds on a CPU and waiting for one, or undefined where the kernel does not say. */
function schedulerCounters(): [number, number] | undefined {
  try {
    const [onCpu, waiting] = readFileSync(SCHEDSTAT, 'utf8').split(' ').map(Number);
    return onCpu === undefined || waiting === undefined ? undefined : [onCpu, waiting];
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` while measuring the event loop's stalls.
 * @example const report = await measureStalls(() => sendAttack()); console.log(formatStall(report.worst));
 */
export async function measureStalls(work: () => Promise<void>): Promise<StallReport> {
  const stalls: Stall[] = [];
  let last = performance.now();
  let lastCounters = schedulerCounters();
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    const now = performance.now();
    const counters = schedulerCounters();
    const stall: Stall = { wall: now - last };
    if (counters && lastCounters) {
      stall.onCpu = (counters[0] - lastCounters[0]) / 1e6;
      stall.waitingForCpu = (counters[1] - lastCounters[1]) / 1e6;
    }
    stalls.push(stall);
    last = now;
    lastCounters = counters;
    if (running) timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  try {
    await work();
  } finally {
    running = false;
    clearTimeout(timer);
    tick(); // the stretch since the last tick, which a last synchronous piece of work may fill
  }
  const byWall = [...stalls].sort((a, b) => a.wall - b.wall);
  const worst = byWall.at(-1) ?? { wall: 0 };
  const p99 = byWall[Math.floor(byWall.length * 0.99)]?.wall ?? 0;
  const split = stalls.filter((stall) => stall.onCpu !== undefined);
  const worstOnCpu = split.length === 0 ? undefined : split.reduce((a, b) => (b.onCpu! > a.onCpu! ? b : a));
  return { worst, p99, ...(worstOnCpu && { worstOnCpu }) };
}

/**
 * Milliseconds the main thread spent on a CPU while `work` ran: the event-loop time it took when
 * nothing else runs meanwhile, whatever other processes took. Off Linux, the process's CPU time.
 * @example const ms = await threadCpuTime(() => app.inject({ url: '/api/flows/x' }));
 */
export async function threadCpuTime(work: () => Promise<unknown>): Promise<number> {
  const before = schedulerCounters();
  const processBefore = process.cpuUsage();
  await work();
  const after = schedulerCounters();
  if (before && after) return (after[0] - before[0]) / 1e6;
  const used = process.cpuUsage(processBefore);
  return (used.user + used.system) / 1e3;
}

/** `72.1 ms (on CPU 6.3, waiting for a CPU 61.0, blocked 4.8)`, or the wall time alone off Linux. */
export function formatStall(stall: Stall): string {
  if (stall.onCpu === undefined || stall.waitingForCpu === undefined) return `${stall.wall.toFixed(1)} ms`;
  const blocked = Math.max(0, stall.wall - stall.onCpu - stall.waitingForCpu);
  return `${stall.wall.toFixed(1)} ms (on CPU ${stall.onCpu.toFixed(1)}, waiting for a CPU ${stall.waitingForCpu.toFixed(1)}, blocked ${blocked.toFixed(1)})`;
}

/** The machine's load, for the figures' caveat: `load average 11.97 on 2 CPUs`. */
export function machineLoad(): string {
  return `load average ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} CPUs`;
}
