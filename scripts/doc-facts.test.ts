import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { errorCatalogue } from '../schema/api/errors.ts';
import { commands } from '../server/cli/charla.ts';
import { filesUnder, ROOT } from './repository-files.ts';

/**
 * What the documentation states about the code — environment variables, routes, error codes, CLI
 * commands and options — checked against the code, so a rename or a removal cannot leave the docs behind.
 */

const readFile = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const documents = filesUnder(ROOT, (name) => name.endsWith('.md')).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
const sources = ['server', 'runtime', 'schema', 'scripts', 'e2e', 'editor']
  .flatMap((folder) => filesUnder(join(ROOT, folder), (name) => /\.tsx?$/.test(name)))
  .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

/** `CHARLA_SECRET_<NAME>` is a family: the examples of it (`CHARLA_SECRET_CRM_TOKEN`) are not variables of their own. */
const isSecretExample = (name: string) => name.startsWith('CHARLA_SECRET_') && name !== 'CHARLA_SECRET_KEY';
const ENV_NAME = /\b(?:CHARLA|WHATSAPP|OPENAI|BENCH)_[A-Z0-9_]*[A-Z0-9]\b/g;

/** Every variable the code reads: a prefixed name in a source file (not a constant it declares), or any `process.env.NAME`. */
function variablesTheCodeReads(): Set<string> {
  const constants = new Set(sources.flatMap(({ text }) => [...text.matchAll(/\bconst ([A-Z][A-Z0-9_]+)\b/g)].map((match) => match[1]!)));
  const names = new Set<string>();
  for (const { text } of sources) {
    for (const [name] of text.matchAll(ENV_NAME)) if (!constants.has(name) && !isSecretExample(name)) names.add(name);
    for (const match of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(match[1]!);
  }
  // The machine's own, not Charla's settings.
  for (const name of ['NODE_ENV', 'PATH', 'HOME']) names.delete(name);
  return names;
}

describe('environment variables', () => {
  const readByCode = variablesTheCodeReads();
  const operations = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');

  it('docs/operations.md names every variable the code reads', () => {
    expect(readByCode.size).toBeGreaterThan(30);
    expect([...readByCode].filter((name) => !new RegExp(`\\b${name}\\b`).test(operations)).sort()).toEqual([]);
  });

  it('no document names a variable the code no longer reads', () => {
    const stale = documents.flatMap(({ path, text }) => [...text.matchAll(ENV_NAME)]
      .map(([name]) => name).filter((name) => !readByCode.has(name) && !isSecretExample(name))
      .map((name) => `${path}: ${name}`));
    expect([...new Set(stale)]).toEqual([]);
  });
});

describe('routes', () => {
  it('every route a document names is in the API (docs/api/openapi.json, generated from schema/api/)', () => {
    const shape = (method: string, url: string) => `${method.toUpperCase()} ${url.replace(/[:{]\w+}?/g, ':')}`;
    const openapi = JSON.parse(readFile('docs/api/openapi.json')) as { paths: Record<string, Record<string, unknown>> };
    const declared = new Set(Object.entries(openapi.paths).flatMap(([url, operations]) =>
      Object.keys(operations).map((method) => shape(method, url))));
    // The reference page, served by @fastify/swagger-ui beside the contract's routes.
    declared.add(shape('GET', '/api/docs'));
    const named = documents.flatMap(({ path, text }) =>
      [...text.matchAll(/\b(GET|POST|PUT|DELETE|PATCH) (\/(?:api|webhooks|healthz|metrics)[^\s`),;?]*)/g)]
        .map((match) => ({ path, route: shape(match[1]!, match[2]!.replace(/\.$/, '')) })));
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter(({ route }) => !declared.has(route)).map(({ path, route }) => `${path}: ${route}`)).toEqual([]);
  });
});

describe('error codes', () => {
  it('every code a document gives an HTTP status (`409 conversation_in_progress`) is in the error catalogue', () => {
    const named = documents.flatMap(({ path, text }) =>
      [...text.matchAll(/(?<![\d,.])\b[45]\d\d\)? `([a-z][a-z_]+)`/g)].map((match) => ({ path, code: match[1]! })));
    expect(named.length).toBeGreaterThan(15);
    expect(named.filter(({ code }) => !(code in errorCatalogue)).map(({ path, code }) => `${path}: ${code}`)).toEqual([]);
  });
});

describe('the CLI', () => {
  /** `npm run -s charla -- start --flow x \` and its continuation lines: the command and the options given. */
  const invocations = documents.flatMap(({ path, text }) =>
    [...text.replace(/\\\n/g, ' ').matchAll(/charla -- ([a-z]+)([^`\n]*)/g)]
      .map((match) => ({ path, command: match[1]!, options: [...match[2]!.matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)].map((option) => option[1]!) })));

  it('every command and option a document uses exists (server/cli/)', () => {
    expect(invocations.length).toBeGreaterThan(5);
    const wrong = invocations.flatMap(({ path, command, options }) => {
      if (!(command in commands)) return [`${path}: charla ${command} is not a command`];
      const source = readFile(`server/cli/${command}.ts`);
      return options.filter((option) => !source.includes(option)).map((option) => `${path}: charla ${command} has no ${option}`);
    });
    expect(wrong).toEqual([]);
  });

  it('README.md shows every command', () => {
    const shown = new Set(invocations.filter(({ path }) => path === 'README.md').map(({ command }) => command));
    expect(Object.keys(commands).filter((command) => !shown.has(command))).toEqual([]);
  });
});

describe("README.md, a newcomer's first page", () => {
  const readme = readFile('README.md');
  const top = readme.slice(0, readme.indexOf('\n## ', readme.indexOf('\n## ') + 1));

  it('starts with the two commands, and how a team gets started', () => {
    expect(top).toContain('npm ci && npm start');
    expect(top).toContain('npm test');
    for (const step of ['The admin token', 'Inviting people', 'Connecting a number']) expect(top).toContain(step);
  });

  it('has the sections for a real number and for PostgreSQL', () => {
    expect(readme).toContain('\n## Connecting a real WhatsApp number\n');
    expect(readme).toContain('\n## Running on PostgreSQL\n');
    expect(readme).toMatch(/CHARLA_DATABASE_URL=postgres:\/\/\S+ \\\n.*npm start/);
  });
});
