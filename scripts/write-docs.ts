import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TObject } from '@sinclair/typebox';
import { NODE_KINDS, nodeKinds, type NodeKind } from '../schema/registry.ts';
import type { NodeManifest } from '../schema/manifest.ts';

/** The flow format reference; its node-kind table is generated between these markers. */
export const FLOW_FORMAT_DOC = fileURLToPath(new URL('../docs/flow-format.md', import.meta.url));
const BEGIN = '<!-- node-kinds:begin (generated from schema/nodes/<kind>.ts by `npm run docs:write`; do not edit by hand) -->';
const END = '<!-- node-kinds:end -->';

interface KindFacts {
  schema: { properties: { data: TObject } };
  manifest: NodeManifest<unknown>;
  itemOutputs?: { list: string };
}

function code(text: string): string {
  return `\`${text}\``;
}

/** One table row per kind, read from its manifest and schema, so the reference cannot drift from the code. */
export function renderNodeKindTable(): string {
  const rows = NODE_KINDS.map((kind: NodeKind) => {
    const facts = nodeKinds[kind] as unknown as KindFacts;
    const data = facts.schema.properties.data;
    const required = new Set(data.required ?? []);
    const keys = Object.keys(data.properties);
    const fields = [
      ...keys.filter((key) => required.has(key)).map(code),
      ...keys.filter((key) => !required.has(key)).map((key) => `${code(key)}?`),
    ].join(', ') || '—';
    const outputs = [
      ...(facts.itemOutputs ? [`one per ${code(facts.itemOutputs.list)} item's ${code('id')}`] : []),
      ...Object.keys(facts.manifest.outputs).map(code),
    ].join(', ') || 'none';
    const [es, pt, en] = facts.manifest.name;
    return `| ${code(kind)} | ${es} · ${pt} · ${en} | ${facts.manifest.summary} | ${fields} | ${outputs} |`;
  });
  return [
    BEGIN,
    '| `type` | name (es · pt · en) | what it does | `data` fields (`?` optional) | outputs |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    END,
  ].join('\n');
}

/** The document with its generated section replaced; throws when the markers are missing. */
export function renderFlowFormatDoc(current: string): string {
  const begin = current.indexOf('<!-- node-kinds:begin');
  const end = current.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${FLOW_FORMAT_DOC} lacks the node-kinds markers`);
  return current.slice(0, begin) + renderNodeKindTable() + current.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(FLOW_FORMAT_DOC, renderFlowFormatDoc(readFileSync(FLOW_FORMAT_DOC, 'utf8')));
  console.log(`wrote the node-kind table of ${FLOW_FORMAT_DOC}`);
}
