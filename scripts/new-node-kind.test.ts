import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyRegistryEdit, kindNames, registryEdits, scaffoldNodeKind } from './new-node-kind.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('node kind names', () => {
  it('derives file, constant and component names from the kind', () => {
    expect(kindNames('ai_answer')).toEqual({ kind: 'ai_answer', kebab: 'ai-answer', camel: 'aiAnswer', pascal: 'AiAnswer', title: 'Ai answer' });
    expect(kindNames('carousel')).toMatchObject({ kebab: 'carousel', camel: 'carousel', pascal: 'Carousel' });
  });

  it.each(['AiAnswer', 'ai-answer', '1st', 'ai__answer', '', 'ai_answer_'])('refuses «%s»', (name) => {
    expect(() => kindNames(name)).toThrow(/not a node kind name/);
  });

  it('adds the import after the last one and the entry before the registry object closes', () => {
    const text = "import { a } from './a.ts';\n\nexport const nodeKinds = {\n  a,\n} as const;\n";
    const edit = registryEdits(kindNames('ai_answer'))[0]!;
    expect(applyRegistryEdit(text, edit)).toBe(
      "import { a } from './a.ts';\nimport { aiAnswer } from './nodes/ai-answer.ts';\n\nexport const nodeKinds = {\n  a,\n  ai_answer: aiAnswer,\n} as const;\n",
    );
  });
});

/**
 * The scaffold run on a copy of the repository: the new kind type-checks through every layer at once,
 * its own tests and the registry's pass, and the generated schema and docs list it.
 */
describe('npm run new-node-kind on a copy of the repository', () => {
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'charla-new-kind-'));
    const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0').filter((path) => path !== '');
    for (const path of tracked) cpSync(join(ROOT, path), join(copy, path), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('refuses a kind that exists', () => {
    expect(() => scaffoldNodeKind(copy, 'menu')).toThrow(/already exists/);
  });

  it('writes a kind that type-checks and passes its tests, and lists it in the schema and docs', () => {
    const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: copy, encoding: 'utf8', stdio: 'pipe' });
    const printed = run(['--import', 'tsx', 'scripts/new-node-kind.ts', 'sample_kind']);
    expect(printed).toContain('editor/nodes/sample_kind/Inspector.tsx');
    expect(readFileSync(join(copy, 'schema/flow.schema.json'), 'utf8')).toContain('"sample_kind"');
    expect(readFileSync(join(copy, 'docs/flow-format.md'), 'utf8')).toContain('| `sample_kind` |');
    run([join(copy, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', copy]);
    run([join(copy, 'node_modules/vitest/vitest.mjs'), 'run', '--root', copy,
      'runtime/nodes/sample-kind.test.ts', 'editor/nodes/sample_kind', 'schema/registry.test.ts',
      'schema/flow-schema-file.test.ts', 'schema/manifest.test.ts', 'scripts/write-docs.test.ts']);
  }, 300_000);
});
