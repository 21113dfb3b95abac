import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFixtureFlow } from '../../fixtures/index.ts';
import { generateFlow } from '../../fixtures/generate-flow.ts';
import { FLOW_LIMITS } from '../../schema/index.ts';

/**
 * The command line refuses documents over the flow limits (docs/security.md) with the same coded
 * errors as the API, before any validator walks them: one over each limit, given to
 * `charla validate` and `charla simulate` as a user would, in child processes.
 */
function charla(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn('node_modules/.bin/tsx', ['server/cli/charla.ts', ...args], { env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end('hola\n');
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

/** The pizzería with one API-call node's body nested so the document is one level deeper than the limit. */
function tooDeep(): string {
  const levels = FLOW_LIMITS.maxDepth - 3; // the body's first object is level 5: document → nodes → node → data → body
  const document = structuredClone(loadFixtureFlow('pizzeria')) as unknown as { nodes: Array<{ type: string; data: Record<string, unknown> }> };
  document.nodes.find((node) => node.type === 'api_call')!.data.body = '__DEEP__';
  return JSON.stringify(document).replace('"__DEEP__"', '{"a":'.repeat(levels) + '1' + '}'.repeat(levels));
}

let folder: string;
const files = { deep: '', many: '', large: '' };

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'charla-cli-limits-'));
  files.deep = join(folder, 'deep.json');
  files.many = join(folder, 'many.json');
  files.large = join(folder, 'large.json');
  writeFileSync(files.deep, tooDeep());
  writeFileSync(files.many, JSON.stringify(generateFlow(FLOW_LIMITS.maxNodes + 1)));
  writeFileSync(files.large, JSON.stringify({ ...loadFixtureFlow('pizzeria'), name: 'x'.repeat(FLOW_LIMITS.maxBytes) }));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const expected = () => [
  [files.deep, `flow_too_deep: The document nests deeper than ${FLOW_LIMITS.maxDepth} levels`],
  [files.many, `flow_too_many_nodes: The document has ${FLOW_LIMITS.maxNodes + 1} nodes; at most ${FLOW_LIMITS.maxNodes} are allowed`],
  [files.large, expect.stringMatching(new RegExp(`^flow_too_large: The document is \\d+ bytes; at most ${FLOW_LIMITS.maxBytes} are allowed$`))],
] as const;

describe('the CLI and the flow limits', { timeout: 30_000 }, () => {
  it('charla validate names each file over a limit with its coded error, exit 2', async () => {
    const run = await charla(['validate', files.deep, files.many, files.large]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n').map((line) => {
      const [file, ...rest] = line.split(': ');
      return [file, rest.join(': ')];
    });
    expect(lines).toEqual(expected());
  });

  it('charla simulate refuses each file over a limit with its coded error, exit 2, answering nothing', async () => {
    const runs = await Promise.all([files.deep, files.many, files.large].map((file) => charla(['simulate', file])));
    expect(runs.map((run) => run.status)).toEqual([2, 2, 2]);
    expect(runs.map((run) => run.stdout)).toEqual(['', '', '']);
    expect(runs.map((run) => run.stderr.split('\n')[0])).toEqual(expected().map(([file, error]) =>
      typeof error === 'string' ? `charla simulate: ${file}: ${error}` : expect.stringMatching(/^charla simulate: .*large\.json: flow_too_large: /)));
  });
});
