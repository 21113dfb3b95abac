import { readFileSync } from 'node:fs';
import { renderSchemaFile, SCHEMA_FILE } from './write-schema.ts';

it('schema/flow.schema.json is what the TypeBox source renders (else run `npm run schema:write`)', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderSchemaFile());
});
