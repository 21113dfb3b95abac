import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The editor talks to the server over HTTP only: both depend on the contract (schema/api/), never on
 * each other. Relative imports are resolved to the folder they land in.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'([^']+)'/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Where each relative import of `file` lands, as paths from the repository root. */
function relativeImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(SPECIFIERS)]
    .map((match) => match[1]!)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(ROOT, resolve(dirname(file), specifier)));
}

function crossings(from: string, into: string): string[] {
  return sourceFiles(from).flatMap((file) =>
    relativeImports(file).filter((target) => target.startsWith(`${into}/`)).map((target) => `${relative(ROOT, file)} → ${target}`));
}

// The browser tests, which start a real server and drive the built editor, live in the top-level e2e/: the
// one place both sides meet, outside both.
it('nothing in editor/ imports server/', () => {
  expect(crossings('editor', 'server')).toEqual([]);
});

it('nothing in server/ imports editor/ (benches included)', () => {
  expect(crossings('server', 'editor')).toEqual([]);
});

it('the editor bundle contains no server module: the static imports from editor/main.tsx stay out of server/ and its packages', () => {
  const serverPackages = /^(fastify|@fastify\/|better-sqlite3|drizzle-orm|pino|undici|openai|pg|postgres)/;
  const seen = new Set<string>();
  const offending: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    // `import type` is erased by the compiler and never reaches the bundle.
    const source = readFileSync(file, 'utf8').replace(/^import type [^;]+;$/gm, '').replace(/^export type [^;]+;$/gm, '');
    for (const [, specifier] of source.matchAll(SPECIFIERS)) {
      if (!specifier!.startsWith('.')) {
        if (serverPackages.test(specifier!)) offending.push(`${relative(ROOT, file)} → ${specifier}`);
        continue;
      }
      const target = resolve(dirname(file), specifier!);
      if (relative(ROOT, target).startsWith('server/')) offending.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
      else if (/\.(ts|tsx)$/.test(target)) visit(target);
    }
  };
  visit(join(ROOT, 'editor/main.tsx'));
  expect(seen.size).toBeGreaterThan(100);
  expect(offending).toEqual([]);
});
