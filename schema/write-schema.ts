import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flowJsonSchema } from './flow.ts';

/** The published schema file; schema/flow-schema-file.test.ts fails when it is stale. */
export const SCHEMA_FILE = fileURLToPath(new URL('./flow.schema.json', import.meta.url));

export function renderSchemaFile(): string {
  return `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, renderSchemaFile());
  console.log(`wrote ${SCHEMA_FILE}`);
}
