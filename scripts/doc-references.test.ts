import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { filesUnder, ROOT } from './repository-files.ts';

const markdownFiles = () => filesUnder(ROOT, (name) => name.endsWith('.md'));

/** The repository's top folders: a backticked path starting with one is a path even without an extension. */
const TOP_FOLDERS = /^(?:schema|runtime|server|editor|fixtures|docs|scripts|e2e)\//;
/** Made when the product runs or tests run, so not in a checkout: `./data/charla.db`, `test-artifacts/e2e/`. */
const MADE_AT_RUN_TIME = /^(?:\.\/)?(?:data|dist|test-artifacts)\//;

/**
 * Paths written as code: `server/live/processor.ts`, `e2e/`, or from a README's own folder (`store/card-size.ts`
 * in editor/README.md). Patterns (`schema/nodes/<kind>.ts`, `*.json`) and URLs are not paths.
 */
function codePathsIn(text: string): string[] {
  return [...text.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]!)
    .filter((token) => /^\.?[\w-][\w.-]*(?:\/[\w.-]+)*\/?$/.test(token) && token.includes('/'))
    .filter((token) => TOP_FOLDERS.test(token) || token.endsWith('/') || /\.(?:tsx?|md|json|sql|csv|txt|html|css|js|mjs|ya?ml)$/.test(token))
    .filter((token) => !MADE_AT_RUN_TIME.test(token));
}

/** A path is read from the repository root, or from the folder of the document that names it. */
function pathExists(path: string, from: string): boolean {
  return existsSync(resolve(ROOT, path)) || existsSync(resolve(ROOT, dirname(from), path));
}

/** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6} (.+)$/.exec(line);
    if (!heading) continue;
    const text = heading[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '').trim();
    const slug = text.toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
    const repeats = seen.get(slug) ?? 0;
    seen.set(slug, repeats + 1);
    anchors.add(repeats === 0 ? slug : `${slug}-${repeats}`);
  }
  return anchors;
}

/** The lines of the tracked files (the lock file aside) holding any of these strings, as `path:line:text`. */
function trackedLinesHolding(needles: string[]): string[] {
  try {
    return execFileSync('git', ['grep', '-n', '-I', '-F', ...needles.flatMap((needle) => ['-e', needle]), '--', '.', ':!package-lock.json'],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n').filter(Boolean);
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
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
const REFERENCE = /(^|[^\w/.-])(\/?(?:[\w.-]+\/)*[\w.-]+\.md)\b\)?(?:\s*§\s*(\d+)|,\s*"([^"]+)")?/g;

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
    const broken = markdownFiles().flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const from = relative(ROOT, path);
      const links = [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!)
        .filter((target) => !/^[a-z]+:/.test(target))
        .filter((target) => !existsSync(resolve(dirname(path), target)));
      const codePaths = codePathsIn(text).filter((target) => !pathExists(target, from));
      return [...links, ...codePaths].map((target) => `${from}: ${target} does not exist`);
    });
    expect(broken).toEqual([]);
  });

  it('docs/README.md lists every page of docs/', () => {
    const index = readFileSync(join(ROOT, 'docs/README.md'), 'utf8');
    const pages = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md') && name !== 'README.md');
    expect(pages.filter((page) => !index.includes(`](${page})`))).toEqual([]);
  });

  it('every link to a heading (`file.md#anchor`, `#anchor`) finds that heading', () => {
    let checked = 0;
    const broken = markdownFiles().flatMap((path) => {
      const from = relative(ROOT, path);
      return [...readFileSync(path, 'utf8').matchAll(/\]\(([^)\s]*)#([^)\s]+)\)/g)].flatMap((match) => {
        const target = match[1] === '' ? path : resolve(dirname(path), match[1]!);
        if (!target.endsWith('.md') || !existsSync(target)) return [];
        checked += 1;
        return anchorsOf(readFileSync(target, 'utf8')).has(match[2]!) ? [] : [`${from}: ${match[1]}#${match[2]} has no such heading`];
      });
    });
    expect(checked).toBeGreaterThan(20);
    expect(broken).toEqual([]);
  });

  it('every document and section the documentation cites in words (`whatsapp.md §2`) is there', () => {
    const broken = markdownFiles().flatMap((path) => {
      const from = relative(ROOT, path);
      return referencesIn(readFileSync(path, 'utf8'), from).flatMap((reference) => {
        const reason = brokenReason(reference);
        return reason ? [`${from}: ${reason}`] : [];
      });
    });
    expect(broken).toEqual([]);
  });

  it('nothing in the repository points at a file outside it', () => {
    // Built from parts so this file does not name what it looks for.
    const outside = ['/' + 'work/', 'shared' + '/oracles', 'perf' + '-notes.md'];
    expect(trackedLinesHolding(outside)).toEqual([]);
    expect(trackedLinesHolding(['docs/whatsapp.md'])).not.toEqual([]);
  });

  it('finds a reference to a missing document, and to a missing section', () => {
    expect(brokenReason({ from: 'server/x.ts', file: 'notes.md' })).toBe('notes.md is not in the repository');
    expect(brokenReason({ from: 'server/x.ts', file: 'docs/whatsapp.md', section: '9' })).toBe('docs/whatsapp.md has no section 9');
    expect(brokenReason({ from: 'server/x.ts', file: 'docs/whatsapp.md', section: '2' })).toBeUndefined();
    expect(referencesIn('/** limits (docs/flow-format.md, "Templates") and /elsewhere/notes.md §1 */', 'x.ts')).toEqual([
      { from: 'x.ts', file: 'docs/flow-format.md', section: 'Templates' },
      { from: 'x.ts', file: '/elsewhere/notes.md', section: '1' },
    ]);
    expect(brokenReason({ from: 'x.ts', file: '/elsewhere/notes.md' })).toBe('/elsewhere/notes.md is outside the repository');
  });
});
