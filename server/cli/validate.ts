import { readFile } from 'node:fs/promises';
import { flowLimitBreach, validateFlow, type Problem, type ProblemLocale } from '../../schema/index.ts';
import { templatesFromListing, type SyncedTemplate } from '../../schema/whatsapp-template.ts';

const LOCALES: readonly ProblemLocale[] = ['es', 'pt', 'en'];
const USAGE = 'usage: npm run -s charla -- validate [--json] [--locale es|pt|en] [--templates LISTING.json] FILE...';

type FileResult = { file: string; problems: Problem[] } | { file: string; error: string };

/**
 * `charla validate FILE...`: one line per problem (`file: error CODE at node X (pointer): message`),
 * or `--json`. Exits 1 when any file has an error, 2 when a file cannot be read or is not JSON
 * (or the arguments are wrong), 0 otherwise. `--templates` checks the flows' templates against a saved
 * `GET /{WABA-ID}/message_templates` answer, as publishing does against the synced ones (docs/templates.md §3).
 */
export default async function validate(args: string[]): Promise<number> {
  const options = parseArguments(args);
  if (typeof options === 'string') {
    console.error(`charla validate: ${options}\n${USAGE}`);
    return 2;
  }
  let templates: SyncedTemplate[] | undefined;
  if (options.templates !== undefined) {
    try {
      templates = templatesFromListing(JSON.parse(await readFile(options.templates, 'utf8')), 'file', 0);
    } catch (error) {
      console.error(`charla validate: --templates ${options.templates}: ${(error as Error).message}`);
      return 2;
    }
  }
  const results = await Promise.all(options.files.map((file) => validateFile(file, options.locale, templates)));
  if (options.json) console.log(JSON.stringify(results, null, 2));
  else for (const result of results) printResult(result);
  if (results.some((result) => 'error' in result)) return 2;
  return results.some((result) => 'problems' in result && result.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}

function parseArguments(args: string[]): { json: boolean; locale: ProblemLocale; templates: string | undefined; files: string[] } | string {
  const parsed = { json: false, locale: 'es' as ProblemLocale, templates: undefined as string | undefined, files: [] as string[] };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--json') parsed.json = true;
    else if (arg === '--locale') {
      const locale = args[++index];
      if (!LOCALES.includes(locale as ProblemLocale)) return `--locale takes one of ${LOCALES.join(', ')}`;
      parsed.locale = locale as ProblemLocale;
    } else if (arg === '--templates') {
      parsed.templates = args[++index];
      if (parsed.templates === undefined) return '--templates takes a file';
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else parsed.files.push(arg);
  }
  return parsed.files.length === 0 ? 'no file given' : parsed;
}

async function validateFile(file: string, locale: ProblemLocale, templates: SyncedTemplate[] | undefined): Promise<FileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { file, error: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { file, error: `not JSON: ${(error as Error).message.replace(/\s+/g, ' ')}` };
  }
  const breach = flowLimitBreach(document);
  if (breach !== undefined) return { file, error: `${breach.code}: ${breach.message}` };
  return { file, problems: validateFlow(document, { locale, ...(templates ? { templates } : {}) }).problems };
}

function printResult(result: FileResult): void {
  if ('error' in result) {
    console.error(`${result.file}: ${result.error}`);
    return;
  }
  if (result.problems.length === 0) console.log(`${result.file}: ok`);
  for (const problem of result.problems) console.log(`${result.file}: ${formatProblem(problem)}`);
}

/** `error menu_title_too_long at node menu (/nodes/1/data/options/0/title): …` */
export function formatProblem(problem: Problem): string {
  const places = [
    problem.nodeId === undefined ? '' : `node ${problem.nodeId}`,
    problem.edgeId === undefined ? '' : `edge ${problem.edgeId}`,
  ].filter(Boolean);
  const at = places.length > 0 ? ` at ${places.join(', ')}` : '';
  return `${problem.severity} ${problem.code}${at} (${problem.pointer || '/'}): ${problem.message}`;
}
