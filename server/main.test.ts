import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFixtureFlows } from '../fixtures/index.ts';

/** Runs `server/main.ts` as `npm start` does (without the build) and waits for its banner. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; output: string; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Charla is running at (http:\/\/\S+)/.exec(output)?.[1];
      // The banner is printed in one write: once the URL is there, so is the rest.
      if (url) resolve({ child, output, url });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('exit', (code) => reject(new Error(`main.ts exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'charla-main-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start (server/main.ts)', () => {
  it('on a fresh database: migrates, loads the fixtures, prints a working admin token; a restart keeps both', async () => {
    const env = { CHARLA_DB: join(dir, 'data', 'charla.db') };
    const first = await start(env);
    const token = /Admin token: (chr_\S+)/.exec(first.output)?.[1];
    expect(token).toBeDefined();
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    const auth = { authorization: `Bearer ${token}` };
    const flows = await (await fetch(`${first.url}/api/flows`, { headers: auth })).json() as Array<{ id: string }>;
    expect(flows.map((flow) => flow.id).sort()).toEqual(listFixtureFlows().map((fixture) => fixture.document.id).sort());
    expect((await fetch(`${first.url}/api/me`, { headers: auth })).status).toBe(200);
    expect(await stop(first.child)).toBe(0);

    const second = await start(env);
    expect(second.output).not.toContain('Admin token:');
    expect(second.output).toContain('printed on the first run');
    expect((await fetch(`${second.url}/api/me`, { headers: auth })).status).toBe(200);
    const again = await (await fetch(`${second.url}/api/flows`, { headers: auth })).json() as unknown[];
    expect(again).toHaveLength(flows.length);
    await stop(second.child);
  });

  it('with CHARLA_ADMIN_TOKEN set, creates no token and accepts that one', async () => {
    const started = await start({ CHARLA_DB: join(dir, 'charla.db'), CHARLA_ADMIN_TOKEN: 'mi-token-de-admin' });
    expect(started.output).not.toContain('Admin token:');
    expect(started.output).toContain('CHARLA_ADMIN_TOKEN');
    expect((await fetch(`${started.url}/api/me`, { headers: { authorization: 'Bearer mi-token-de-admin' } })).status).toBe(200);
    await stop(started.child);
  });

  it('refuses to start with a clear message when the configuration is wrong', async () => {
    await expect(start({ CHARLA_DB: join(dir, 'charla.db'), PORT: 'tres mil' })).rejects.toThrow(/PORT must be an integer/);
  });
});
