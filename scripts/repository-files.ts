import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Folders that hold no source of ours: installed packages, builds, local data and test output. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'data', 'test-artifacts']);

/**
 * Every file below `folder` whose name `accept`s, skipping what is not the project's own source.
 * @example filesUnder(ROOT, (name) => name.endsWith('.md'))
 */
export function filesUnder(folder: string, accept: (name: string) => boolean): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : filesUnder(path, accept);
    return accept(entry.name) ? [path] : [];
  });
}
