import { CURRENT_SCHEMA_VERSION } from './flow.ts';

/** A pure function from a document of version N to the same document in version N + 1. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * The migrations, keyed by the version they read: `flowMigrations[1]` will turn a v1 document into
 * v2 when v2 exists. Format v1 is the first version, so today the table is empty and loading a v1
 * document is the identity. Each new entry gets its own test with a document of the old version.
 */
export const flowMigrations: Readonly<Record<number, Migration>> = {};

/** The versions `migrateFlow` accepts: the current one and every one a chain of migrations leads up from. */
export function supportedVersions(
  migrations: Readonly<Record<number, Migration>> = flowMigrations, current: number = CURRENT_SCHEMA_VERSION,
): number[] {
  const versions = [current];
  for (let version = current - 1; migrations[version]; version--) versions.unshift(version);
  return versions;
}

/**
 * Brings a document up to the current version, one migration at a time, without touching the
 * input. Returns undefined for a version it cannot migrate (newer, unknown, or not an integer).
 * @example migrateFlow({ schemaVersion: 1, ... }) // the same document: v1 is current
 */
export function migrateFlow(
  document: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = flowMigrations,
  current: number = CURRENT_SCHEMA_VERSION,
): Record<string, unknown> | undefined {
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !supportedVersions(migrations, current).includes(version)) return undefined;
  let migrated = document;
  for (let from = version; from < current; from++) {
    migrated = migrations[from]!(migrated);
    if (migrated.schemaVersion !== from + 1) throw new Error(`Migration from v${from} must produce schemaVersion ${from + 1}`);
  }
  return migrated;
}
