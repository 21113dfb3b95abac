import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { flowJsonSchema } from './flow.ts';

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
} as const;

export function renderSchemaFile(): string {
  return `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
}

/** The same options flowValidators() compiled with at run time, plus source generation. */
export function renderValidatorFile(allErrors: boolean): string {
  const ajv = newAjv(allErrors);
  return renderStandalone(standaloneCode(ajv, ajv.compile(flowJsonSchema())));
}

function newAjv(allErrors: boolean): Ajv2020 {
  return new Ajv2020({ discriminator: true, allErrors, strict: true, code: { source: true, esm: true, lines: false } });
}

function renderStandalone(code: string): string {
  // ajv's ESM output still require()s its runtime helpers; turn each into an import.
  const helpers = new Map<string, string>(); // module path → local name
  const body = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9_]+)"\)\.default/g, (_match, path: string) => {
    if (!helpers.has(path)) helpers.set(path, `runtime_${path.split('/').pop()!}`);
    return helpers.get(path)!;
  });
  if (/require\(/.test(body)) throw new Error('ajv standalone output has a require() this generator does not rewrite');
  const imports = [...helpers].map(([path, name]) => {
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
  console.log(`wrote ${SCHEMA_FILE} and ${Object.values(VALIDATOR_FILES).join(', ')}`);
}
