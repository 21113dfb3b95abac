import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'data']);

function filesUnder(folder: string, accept: (name: string) => boolean): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : filesUnder(path, accept);
    return accept(entry.name) ? [path] : [];
  });
}

/** Every comment of a TypeScript file, parsed (not pattern-matched), so strings and JSX text are not comments. */
function commentsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false,
    path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const seen = new Map<number, string>();
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) seen.set(range.pos, text.slice(range.pos, range.end));
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    node.forEachChild(visit);
  };
  visit(source);
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.getFullStart()));
  return [...seen.values()];
}

/** `docs/whatsapp.md §2`, `docs/flow-format.md, "Templates"`, `editor/README.md`: the file and the section named. */
const REFERENCE = /(^|[^\w/.-])(\/?(?:[\w.-]+\/)*[\w.-]+\.md)\b(?:\s*§\s*(\d+)|,\s*"([^"]+)")?/g;

interface Reference { from: string; file: string; section?: string }

function referencesIn(text: string, from: string): Reference[] {
  return [...text.matchAll(REFERENCE)].map((match) => ({
    from,
    file: match[2]!,
    ...(match[3] ?? match[4] ? { section: match[3] ?? match[4] } : {}),
  }));
}

/** What is wrong with a reference, or undefined: files resolve from the repository root or the citing file. */
function brokenReason(reference: Reference): string | undefined {
  if (reference.file.startsWith('/')) return `${reference.file} is outside the repository`;
  const candidates = [resolve(ROOT, reference.file), resolve(ROOT, dirname(reference.from), reference.file)];
  const target = candidates.find((path) => existsSync(path) && !relative(ROOT, path).startsWith('..'));
  if (!target) return `${reference.file} is not in the repository`;
  if (reference.section === undefined) return undefined;
  const headings = readFileSync(target, 'utf8').split('\n').filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, '').trim());
  const found = /^\d+$/.test(reference.section)
    ? headings.some((heading) => heading.startsWith(`${reference.section}. `))
    : headings.includes(reference.section);
  return found ? undefined : `${reference.file} has no section ${reference.section}`;
}

describe('references to documents', () => {
  it('every *.md file (and section) a source comment cites is in the repository', () => {
    const sources = filesUnder(ROOT, (name) => /\.tsx?$/.test(name))
      .filter((path) => readFileSync(path, 'utf8').includes('.md'));
    const references = sources.flatMap((path) =>
      commentsOf(path).flatMap((comment) => referencesIn(comment, relative(ROOT, path))));
    expect(references.length).toBeGreaterThan(30);
    const broken = references.flatMap((reference) => {
      const reason = brokenReason(reference);
      return reason ? [`${reference.from}: ${reason}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('every link and file path in the documentation names a file in the repository', () => {
    const documents = filesUnder(ROOT, (name) => name.endsWith('.md'));
    const broken = documents.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const from = relative(ROOT, path);
      const links = [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!)
        .filter((target) => !/^[a-z]+:/.test(target))
        .map((target) => relative(ROOT, resolve(dirname(path), target)));
      // Paths written as code (`server/live/checkpointer.ts`) are read from the repository root.
      const codePaths = [...text.matchAll(/`((?:schema|runtime|server|editor|fixtures|docs|scripts)\/[\w./-]+)`/g)]
        .map((match) => match[1]!.replace(/\/$/, ''));
      return [...links, ...codePaths].filter((target) => !existsSync(resolve(ROOT, target)))
        .map((target) => `${from}: ${target} does not exist`);
    });
    expect(broken).toEqual([]);
  });

  it('finds a reference to a missing document, and to a missing section', () => {
    expect(brokenReason({ from: 'server/x.ts', file: 'perf-notes.md' })).toBe('perf-notes.md is not in the repository');
    expect(brokenReason({ from: 'server/x.ts', file: 'docs/whatsapp.md', section: '9' })).toBe('docs/whatsapp.md has no section 9');
    expect(brokenReason({ from: 'server/x.ts', file: 'docs/whatsapp.md', section: '2' })).toBeUndefined();
    expect(referencesIn('/** limits (docs/flow-format.md, "Templates") and /work/shared/a.md §1 */', 'x.ts')).toEqual([
      { from: 'x.ts', file: 'docs/flow-format.md', section: 'Templates' },
      { from: 'x.ts', file: '/work/shared/a.md', section: '1' },
    ]);
    expect(brokenReason({ from: 'x.ts', file: '/work/shared/a.md' })).toBe('/work/shared/a.md is outside the repository');
  });
});
