import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { errorFixtures, TEMPLATES_FILE, warningFixtures } from '../../fixtures/invalid/expectations.ts';

/** The real command, as a user runs it: a child process through tsx. */
function charla(args: string[], viaNpm = false) {
  const [command, prefix] = viaNpm ? ['npm', ['run', '-s', 'charla', '--']] : ['node_modules/.bin/tsx', ['server/cli/charla.ts']];
  const run = spawnSync(command, [...prefix, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run -s charla -- validate', () => {
  it('prints one line per problem naming the node and pointer, and exits 1 on an error', () => {
    const { status, stdout } = charla(['validate', 'fixtures/invalid/loop_without_wait.json'], true);
    expect(status).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      'fixtures/invalid/loop_without_wait.json: error loop_without_wait at node contador (/nodes/1): ' +
        'Estos nodos forman un ciclo que puede repetirse sin esperar al usuario: contador, revisar_saldo.',
    ]);
  });

  it('names the right node for every invalid fixture (--json), exits 0 on warnings only', () => {
    const files = [
      ...Object.keys(errorFixtures).map((code) => `fixtures/invalid/${code}.json`),
      ...Object.keys(warningFixtures).map((code) => `fixtures/invalid/warnings/${code}.json`),
    ];
    const { status, stdout } = charla(['validate', '--json', '--templates', TEMPLATES_FILE, ...files]);
    expect(status).toBe(1);
    const results = JSON.parse(stdout) as Array<{ file: string; problems: Array<{ code: string; nodeId?: string; pointer: string }> }>;
    for (const [code, expected] of [...Object.entries(errorFixtures), ...Object.entries(warningFixtures)]) {
      const result = results.find((r) => r.file.endsWith(`/${code}.json`));
      const { templates: _checkedAgainstTemplates, ...place } = expected;
      expect(result?.problems).toContainEqual(expect.objectContaining({ code, ...place }));
    }
    const warningsOnly = Object.keys(warningFixtures).map((code) => `fixtures/invalid/warnings/${code}.json`);
    expect(charla(['validate', ...warningsOnly]).status).toBe(0);
  });

  it('accepts every fixture bot and speaks English with --locale en', () => {
    const bots = readdirSync('fixtures/flows').filter((name) => name.endsWith('.json')).map((name) => `fixtures/flows/${name}`);
    if (bots.length > 0) {
      const valid = charla(['validate', ...bots]);
      expect(valid.stdout.trim().split('\n')).toEqual(bots.map((bot) => `${bot}: ok`));
      expect(valid.status).toBe(0);
    }
    const english = charla(['validate', '--locale', 'en', 'fixtures/invalid/start_node_missing.json']);
    expect(english.stdout).toContain('error start_node_missing (/startNodeId): The start node "bienvenida" does not exist.');
  });

  it('refuses an unreadable file or one that is not JSON with one line each, exit 2', () => {
    const { status, stderr } = charla(['validate', 'fixtures/invalid/no-such-file.json', 'README.md']);
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      'fixtures/invalid/no-such-file.json: cannot read the file (ENOENT)',
      expect.stringMatching(/^README\.md: not JSON: /),
    ]);
    expect(charla(['frobnicate']).status).toBe(2);
  });
});
