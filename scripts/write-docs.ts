import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TObject } from '@sinclair/typebox';
import type { ApiRoute } from '../schema/api/route.ts';
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

/** The HTTP API page; its route index is generated between these markers from the contract in schema/api/. */
export const API_DOC = fileURLToPath(new URL('../docs/api.md', import.meta.url));
const API_FOLDER = new URL('../schema/api/', import.meta.url);
const ROUTES_BEGIN = '<!-- routes:begin (generated from schema/api/*.ts by `npm run docs:write`; do not edit by hand) -->';
const ROUTES_END = '<!-- routes:end -->';

function isApiRoute(value: unknown): value is ApiRoute {
  const route = value as Partial<ApiRoute> | null;
  return typeof route === 'object' && route !== null && typeof route.method === 'string' && typeof route.url === 'string'
    && typeof route.schema?.summary === 'string';
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'DELETE'];

/** Every route the contract declares, with the file that declares it: by file, then path, then method. */
export async function contractRoutes(): Promise<Array<{ route: ApiRoute; file: string }>> {
  const files = readdirSync(API_FOLDER).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
  const routes: Array<{ route: ApiRoute; file: string }> = [];
  for (const name of files) {
    const module = await import(new URL(name, API_FOLDER).href) as Record<string, unknown>;
    const declared = Object.values(module).filter(isApiRoute).sort((a, b) =>
      a.url.localeCompare(b.url) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
    routes.push(...declared.map((route) => ({ route, file: `schema/api/${name}` })));
  }
  return routes;
}

/** One row per route: method, path, what it does (its OpenAPI summary) and where it is declared. */
export async function renderRouteTable(): Promise<string> {
  const rows = (await contractRoutes()).map(({ route, file }) =>
    `| ${route.method} | ${code(route.url)} | ${route.schema.summary.replace(/\|/g, '\\|')} | ${code(file)} |`);
  return [
    ROUTES_BEGIN,
    '| method | path | what it does | declared in |',
    '| --- | --- | --- | --- |',
    ...rows,
    ROUTES_END,
  ].join('\n');
}

/** docs/api.md with its route index replaced; throws when the markers are missing. */
export async function renderApiDoc(current: string): Promise<string> {
  const begin = current.indexOf('<!-- routes:begin');
  const end = current.indexOf(ROUTES_END);
  if (begin < 0 || end < begin) throw new Error(`${API_DOC} lacks the routes markers`);
  return current.slice(0, begin) + await renderRouteTable() + current.slice(end + ROUTES_END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(FLOW_FORMAT_DOC, renderFlowFormatDoc(readFileSync(FLOW_FORMAT_DOC, 'utf8')));
  console.log(`wrote the node-kind table of ${FLOW_FORMAT_DOC}`);
  writeFileSync(API_DOC, await renderApiDoc(readFileSync(API_DOC, 'utf8')));
  console.log(`wrote the route index of ${API_DOC}`);
}
