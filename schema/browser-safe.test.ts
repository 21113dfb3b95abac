import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The editor runs validateFlow in the browser on every change: nothing schema/index.ts pulls in
 * may import a Node built-in. Follows the local imports from the entry point.
 */
it('schema/index.ts and everything it imports are free of node: modules', () => {
  const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
  const seen = new Set<string>();
  const builtins: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!));
      else if (specifier!.startsWith('node:') || /^(fs|path|url|child_process|os|crypto)$/.test(specifier!)) builtins.push(`${file}: ${specifier}`);
    }
  };
  visit(entry);
  expect(seen.size).toBeGreaterThan(15);
  expect(builtins).toEqual([]);
});
