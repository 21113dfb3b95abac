import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm start` stopped with a browser tab open: the tab holds idle keep-alive connections (and one it
 * opened ahead, never used). SIGTERM must end the process without waiting for them to time out
 * (Node's keep-alive lasts 72 s under Fastify); the test's own timeout is the bound.
 */
it('stops on SIGTERM while a browser-like client keeps idle connections open', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'charla-shutdown-'));
  // As `npm start` runs it: without vitest's variables (NODE_ENV=test…).
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...env, HOST: '127.0.0.1', PORT: '0', CHARLA_DB: join(dir, 'charla.db'), CHARLA_ADMIN_TOKEN: 'shutdown-test', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /running at (http:\/\/\S+)/.exec(output);
        if (found) resolve(new URL(found[1]!));
      });
      child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${output}`)));
    });
    const agent = new Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      request(new URL('/healthz', url), { agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      }).on('error', reject).end();
    });
    expect(status).toBe(200);
    const unused = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => unused.once('connect', resolve));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    agent.destroy();
    unused.destroy();
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
