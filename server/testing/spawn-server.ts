import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SpawnedServer {
  url: string;
  process: ChildProcess;
  /** Every stdout line (pino JSON logs), as printed so far. */
  lines: string[];
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs a TypeScript entry (with tsx) as a real process and waits for its `{"listening": url}` line.
 * `cpu` pins it to one core with taskset (benchmarks), so load generator and server do not compete.
 * @example const server = await spawnServer('server/testing/serve-live.ts', { CHARLA_DB: path, PORT: '0' });
 */
export async function spawnServer(entry: string, env: Record<string, string>, options: { cpu?: number } = {}): Promise<SpawnedServer> {
  // BENCH_CPU_PROFILE_DIR=dir writes a V8 CPU profile of every spawned server there (Node refuses --cpu-prof in NODE_OPTIONS).
  const profile = process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROFILE_DIR] : [];
  const node = [process.execPath, ...profile, '--import', 'tsx', entry];
  const command = options.cpu === undefined ? node : ['taskset', '-c', String(options.cpu), ...node];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line.startsWith('{"listening"')) resolve((JSON.parse(line) as { listening: string }).listening);
    });
    void exited.then(() => reject(new Error(`${entry} exited before listening:\n${stderr.join('')}`)));
  });
  return { url, process: child, lines, exited };
}
