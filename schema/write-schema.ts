import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { FlowEdge, flowJsonSchema } from './flow.ts';
import { nodeKinds } from './registry.ts';

/** The published schema file; schema/flow-schema-file.test.ts fails when it is stale. */
export const SCHEMA_FILE = fileURLToPath(new URL('./flow.schema.json', import.meta.url));

/**
 * The schema compiled ahead of time into plain modules (ajv standalone), so neither the browser nor
 * the server compiles it at start-up (hundreds of ms) or needs `new Function` (a strict CSP forbids it).
 * `fast` stops at the first error; `full` collects them all for reporting.
 */
export const VALIDATOR_FILES = {
  fast: fileURLToPath(new URL('./generated/validate-flow-fast.ts', import.meta.url)),
  full: fileURLToPath(new URL('./generated/validate-flow-full.ts', import.meta.url)),
  parts: fileURLToPath(new URL('./generated/validate-flow-parts.ts', import.meta.url)),
} as const;

export function renderSchemaFile(): string {
  return `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
}

/** The same options flowValidators() compiled with at run time, plus source generation. */
export function renderValidatorFile(allErrors: boolean): string {
  const ajv = newAjv(allErrors);
  return renderStandalone(standaloneCode(ajv, ajv.compile(flowJsonSchema())));
}

/**
 * One validator per node kind (named by its `type`) and `flow_edge`: when a document breaks the
 * schema, validateFlow still checks the nodes and edges that are sound on their own.
 */
export function renderPartsFile(): string {
  const ajv = newAjv(false);
  const parts: Record<string, unknown> = { ...Object.fromEntries(Object.entries(nodeKinds).map(([type, kind]) => [type, kind.schema])), flow_edge: FlowEdge };
  // JSON round trip: TypeBox's symbol keys are not schema keywords.
  for (const [name, schema] of Object.entries(parts)) ajv.addSchema(JSON.parse(JSON.stringify(schema)) as object, name);
  return renderStandalone(standaloneCode(ajv, Object.fromEntries(Object.keys(parts).map((name) => [name, name]))));
}

function newAjv(allErrors: boolean): Ajv2020 {
  return new Ajv2020({ discriminator: true, allErrors, strict: true, code: { source: true, esm: true, lines: false } });
}

function renderStandalone(code: string): string {
  // ajv's ESM output still require()s its runtime helpers; turn each into an import.
  const helpers: string[] = [];
  const body = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9_]+)"\)\.default/g, (_match, path: string) => {
    const name = `runtime_${path.split('/').pop()!}`;
    if (!helpers.includes(path)) helpers.push(path);
    return name;
  });
  if (/require\(/.test(body)) throw new Error('ajv standalone output has a require() this generator does not rewrite');
  const imports = helpers.map((path) => {
    const name = `runtime_${path.split('/').pop()!}`;
    // A CommonJS module: Node's default import is module.exports, bundlers give exports.default.
    return `import ${name}_module from "${path}.js";\nconst ${name} = ${name}_module.default ?? ${name}_module;`;
  });
  return [
    '// Generated from the TypeBox source in schema/ by `npm run schema:write`; do not edit by hand.',
    '// @ts-nocheck',
    ...imports,
    body.replace(/^"use strict";/, ''),
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, renderSchemaFile());
  writeFileSync(VALIDATOR_FILES.fast, renderValidatorFile(false));
  writeFileSync(VALIDATOR_FILES.full, renderValidatorFile(true));
  writeFileSync(VALIDATOR_FILES.parts, renderPartsFile());
  console.log(`wrote ${SCHEMA_FILE} and ${Object.values(VALIDATOR_FILES).join(', ')}`);
}
