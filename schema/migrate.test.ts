import { generateFlow } from '../fixtures/generate-flow.ts';
import { migrateFlow, supportedVersions, type Migration } from './migrate.ts';
import { validateFlow } from './validate/validate-flow.ts';

describe('migrateFlow', () => {
  it('returns a v1 document unchanged (v1 is the current version)', () => {
    const document = generateFlow(20) as unknown as Record<string, unknown>;
    const before = structuredClone(document);
    expect(migrateFlow(document)).toEqual(before);
    expect(document).toEqual(before);
    expect(supportedVersions()).toEqual([1]);
  });

  it('refuses versions it has no path from', () => {
    for (const schemaVersion of [0, 2, 1.5, '1', null]) expect(migrateFlow({ schemaVersion })).toBeUndefined();
  });

  it('runs a chain of migrations in order, without touching the input', () => {
    const table: Record<number, Migration> = {
      1: (doc) => ({ ...doc, schemaVersion: 2, renamed: doc.old }),
      2: (doc) => ({ ...doc, schemaVersion: 3, steps: [...((doc.steps as string[] | undefined) ?? []), 'v3'] }),
    };
    const input = { schemaVersion: 1, old: 'x' };
    expect(supportedVersions(table, 3)).toEqual([1, 2, 3]);
    expect(migrateFlow(input, table, 3)).toEqual({ schemaVersion: 3, old: 'x', renamed: 'x', steps: ['v3'] });
    expect(input).toEqual({ schemaVersion: 1, old: 'x' });
    expect(() => migrateFlow(input, { 1: (doc) => doc, 2: (doc) => doc }, 3)).toThrow(/must produce schemaVersion 2/);
  });

  it('validateFlow refuses another version, saying which ones are supported', () => {
    const { problems } = validateFlow({ ...generateFlow(3), schemaVersion: 2 }, { locale: 'en' });
    expect(problems).toEqual([{
      severity: 'error', code: 'schema_version_unsupported', pointer: '/schemaVersion',
      message: 'Format version 2 is not supported. Supported versions: 1.',
    }]);
  });
});
