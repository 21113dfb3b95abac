import { readFileSync } from 'node:fs';
import { renderSchemaFile, renderValidatorFile, SCHEMA_FILE, VALIDATOR_FILES } from './write-schema.ts';

// Generated files must match the TypeBox source; else run `npm run schema:write`.
it('schema/flow.schema.json is what the TypeBox source renders', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderSchemaFile());
});

it('the precompiled validators in schema/generated are what the schema compiles to', () => {
  expect(readFileSync(VALIDATOR_FILES.fast, 'utf8')).toBe(renderValidatorFile(false));
  expect(readFileSync(VALIDATOR_FILES.full, 'utf8')).toBe(renderValidatorFile(true));
});
