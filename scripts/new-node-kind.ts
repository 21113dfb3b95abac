import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run new-node-kind NAME` — adds a node kind to every layer: its schema and manifest, its runtime
 * behaviour, its editor entry (card, inspector, words), a sample node for the fixtures, the registry
 * expectations and tests, then regenerates the JSON Schema and the docs' node-kind table.
 *
 * The kind it writes is a working one (it sends its text and moves on through `next`), so the tree
 * type-checks and its tests pass at once; giving it its own data, outputs and behaviour is then a matter
 * of editing those files and following the compiler.
 */

const KIND_NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

export interface KindNames {
  /** The `type` in flow documents and the registries' key: `ai_answer`. */
  kind: string;
  /** File names in schema/ and runtime/: `ai-answer`. */
  kebab: string;
  /** The exported constant: `aiAnswer`. */
  camel: string;
  /** Components: `AiAnswer`. */
  pascal: string;
  /** A first name for people until the manifest's words are written: `Ai answer`. */
  title: string;
}

export function kindNames(kind: string): KindNames {
  if (!KIND_NAME.test(kind)) throw new Error(`«${kind}» is not a node kind name: lower-case words joined by "_", such as ai_answer`);
  const camel = kind.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
  const spaced = kind.replace(/_/g, ' ');
  return {
    kind,
    kebab: kind.replace(/_/g, '-'),
    camel,
    pascal: camel[0]!.toUpperCase() + camel.slice(1),
    title: spaced[0]!.toUpperCase() + spaced.slice(1),
  };
}

/** The files a new kind starts with, by path from the repository root. */
export function newKindFiles(names: KindNames): Record<string, string> {
  const { kind, kebab, camel, pascal, title } = names;
  return {
    [`schema/nodes/${kebab}.ts`]: `import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template } from '../common.ts';
import { checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';
import { FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

/** ${title}: sends its text and moves on through \`next\`. */
export const ${camel} = defineNodeKind({
  schema: nodeSchema('${kind}', Type.Object({
    text: Template,
  }, { additionalProperties: false })),
  manifest: {
    name: ['${title}', '${title}', '${title}'],
    summary: 'Sends its text and moves on.',
    fields: { text: FIELD_WORDS.text },
    outputs: { next: OUTPUT_WORDS.next },
  },
  outputs: () => ['next'],
  waits: () => false,
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.textBody, 'text_too_long');
  },
});
`,
    [`runtime/nodes/${kebab}.ts`]: `import type { NodeBehaviour } from './behaviour.ts';
import { next } from './behaviour.ts';

/** Sends its rendered text and moves on. */
export const ${camel} = {
  enter(node, ctx) {
    const text = ctx.render(node.data.text);
    if (text.trim() !== '') ctx.send({ type: 'text', text });
    return next('next');
  },
} satisfies NodeBehaviour<'${kind}'>;
`,
    [`runtime/nodes/${kebab}.test.ts`]: `import { conversation } from '../testing/conversation.ts';
import { testFlow } from '../testing/test-flow.ts';

describe('${kind} node', () => {
  it('sends its rendered text and moves on through next', async () => {
    const flow = testFlow([
      { id: 'primero', type: '${kind}', data: { text: 'Hola {{contact.name}}' } },
      { id: 'fin', type: 'end', data: { text: 'Chau' } },
    ], [['primero', 'next', 'fin']]);
    const result = await conversation(flow).send('hola');
    expect(result.messages).toEqual([{ type: 'text', text: 'Hola Ana' }, { type: 'text', text: 'Chau' }]);
    expect(result.trace.map((entry) => [entry.nodeId, entry.output])).toEqual([['primero', 'next'], ['fin', undefined]]);
  });
});
`,
    [`editor/nodes/${kind}/messages.ts`]: `import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: { text: 'Texto', empty: 'Sin texto' },
  pt: { text: 'Texto', empty: 'Sem texto' },
  en: { text: 'Text', empty: 'No text' },
});
`,
    [`editor/nodes/${kind}/Body.tsx`]: `import { useT } from '../../i18n/index.ts';
import { TextPreview } from '../shared/TextPreview.tsx';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';

export function ${pascal}Body({ data }: NodeBodyProps<'${kind}'>) {
  const t = useT(messages);
  return <TextPreview text={data.text} empty={t('empty')} />;
}
`,
    [`editor/nodes/${kind}/Inspector.tsx`]: `import { useT } from '../../i18n/index.ts';
import { TextField } from '../../inspector/fields/index.ts';
import { WHATSAPP_LIMITS } from '../../../schema/index.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';

export function ${pascal}Inspector({ data, update }: NodeInspectorProps<'${kind}'>) {
  const t = useT(messages);
  return (
    <TextField name="text" label={t('text')} value={data.text} multiline template limit={WHATSAPP_LIMITS.textBody}
      onChange={(text) => update({ text })} />
  );
}
`,
    [`editor/nodes/${kind}/index.ts`]: `import type { NodeEditor } from '../types.ts';
import { textDefault } from '../shared/text-default.ts';
import { ${pascal}Body } from './Body.tsx';
import { ${pascal}Inspector } from './Inspector.tsx';

export const ${camel}Editor: NodeEditor<'${kind}'> = {
  icon: '◆',
  color: '#5f6b76',
  // The text of a node freshly dropped from the palette, in the flow's language.
  create: textDefault({ es: 'Hola', pt: 'Olá', en: 'Hello' }),
  Body: ${pascal}Body,
  Inspector: ${pascal}Inspector,
};
`,
    [`editor/nodes/${kind}/Inspector.test.tsx`]: `// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInspector } from '../../testing/render-inspector.tsx';

afterEach(cleanup);

describe('${kind} inspector', () => {
  it('edits the text', () => {
    const { data } = renderInspector('${kind}', { text: 'Hola' });
    fireEvent.change(screen.getByTestId('field-text'), { target: { value: 'Buenas' } });
    expect(data()).toEqual({ text: 'Buenas' });
  });

  it('is read-only for testers', () => {
    renderInspector('${kind}', { text: 'Hola' }, { readOnly: true });
    expect((screen.getByTestId('field-text') as HTMLTextAreaElement).readOnly).toBe(true);
  });
});
`,
  };
}

/** A line added to a registry: after the file's last import, or before the closing line of an object literal. */
interface RegistryEdit {
  file: string;
  importLine: string;
  /** The line that opens the object the entry joins. */
  objectStart: RegExp;
  entry: string;
}

export function registryEdits(names: KindNames): RegistryEdit[] {
  const { kind, kebab, camel } = names;
  const key = kind === camel ? `${camel},` : `${kind}: ${camel},`;
  return [
    { file: 'schema/registry.ts', importLine: `import { ${camel} } from './nodes/${kebab}.ts';`, objectStart: /^export const nodeKinds = \{$/, entry: `  ${key}` },
    { file: 'runtime/nodes/index.ts', importLine: `import { ${camel} } from './${kebab}.ts';`, objectStart: /^export const nodeBehaviours = \{$/, entry: `  ${key}` },
    { file: 'editor/nodes/index.ts', importLine: `import { ${camel}Editor } from './${kind}/index.ts';`, objectStart: /^export const nodeEditors = \{$/, entry: `  ${kind}: ${camel}Editor,` },
    { file: 'fixtures/generate-flow.ts', importLine: '', objectStart: /^export const sampleNodes: /, entry: `  ${kind}: (id, n) => node(id, '${kind}', { text: \`Paso \${n}\` }),` },
    { file: 'schema/registry.test.ts', importLine: '', objectStart: /^const expected: Record<NodeKind/, entry: `  ${kind}: { outputs: ['next'], waits: false },` },
  ];
}

export function applyRegistryEdit(text: string, edit: RegistryEdit): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => edit.objectStart.test(line));
  const close = lines.findIndex((line, index) => index > start && line.startsWith('}'));
  if (start < 0 || close < 0) throw new Error(`${edit.file}: the registry object (${edit.objectStart}) was not found`);
  lines.splice(close, 0, edit.entry);
  if (edit.importLine !== '') {
    const lastImport = lines.findLastIndex((line) => line.startsWith('import '));
    lines.splice(lastImport + 1, 0, edit.importLine);
  }
  return lines.join('\n');
}

/** Writes the kind's files and registry entries under `root`; refuses a kind that already exists. */
export function scaffoldNodeKind(root: string, kind: string): { created: string[]; edited: string[] } {
  const names = kindNames(kind);
  const files = newKindFiles(names);
  const registry = readFileSync(join(root, 'schema/registry.ts'), 'utf8');
  if (new RegExp(`^  (${names.camel}|${kind})[:,]`, 'm').test(registry)) throw new Error(`the node kind «${kind}» already exists`);
  const taken = Object.keys(files).filter((path) => existsSync(join(root, path)));
  if (taken.length > 0) throw new Error(`these files already exist: ${taken.join(', ')}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const edits = registryEdits(names);
  for (const edit of edits) {
    const path = join(root, edit.file);
    writeFileSync(path, applyRegistryEdit(readFileSync(path, 'utf8'), edit));
  }
  return { created: Object.keys(files), edited: edits.map((edit) => edit.file) };
}

/** The generated files that list every kind: the JSON Schema, the precompiled validators, the docs' table. */
export function regenerate(root: string): void {
  for (const script of ['schema/write-schema.ts', 'scripts/write-docs.ts']) {
    execFileSync(process.execPath, ['--import', 'tsx', join(root, script)], { cwd: root, stdio: 'inherit' });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kind = process.argv[2];
  if (kind === undefined) {
    console.error('usage: npm run new-node-kind NAME   (for example: npm run new-node-kind ai_answer)');
    process.exit(2);
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const { created, edited } = scaffoldNodeKind(root, kind);
    regenerate(root);
    console.log([
      `created:\n${created.map((path) => `  ${path}`).join('\n')}`,
      `registered in:\n${edited.map((path) => `  ${path}`).join('\n')}`,
      'regenerated: schema/flow.schema.json, schema/generated/*, docs/flow-format.md (node kinds)',
      '',
      'Next: give the kind its data, outputs and checks in the schema file and its manifest words, then',
      'follow `npm run typecheck`: it names every layer that does not handle the new data yet.',
      'Use the kind in a demo flow under fixtures/flows (fixtures.test.ts checks every kind appears in one).',
    ].join('\n'));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
