import { fileURLToPath } from 'node:url';

/** A subcommand: its module's default export takes the arguments and resolves to the exit code. */
export interface CliCommand {
  usage: string;
  load: () => Promise<{ default: (args: string[]) => Promise<number> }>;
}

/**
 * `npm run -s charla -- <command> [arguments]`. One line per command; modules load lazily so
 * one command's dependencies never slow down (or break) another.
 */
export const commands: Record<string, CliCommand> = {
  validate: { usage: 'validate [--json] [--locale es|pt|en] [--templates LISTING.json] FILE...   check flow documents (and their templates)', load: () => import('./validate.ts') },
  eval: { usage: 'eval [--json] [--min-confidence N] SOURCE QUESTIONS.json   measure answers from knowledge (or intents) on a question set', load: () => import('./eval.ts') },
  start: { usage: 'start --flow ID --csv FILE --template NAME --language CODE [--param KEY=TEXT]...   start a conversation with each row (CHARLA_TOKEN)', load: () => import('./start.ts') },
  simulate: { usage: 'simulate [--json] [--name NAME] [--wa-id DIGITS] FILE   chat with a flow: one stdin line per message', load: () => import('./simulate.ts') },
};

/** Runs one command line (without `node charla.ts`) and resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    if (name !== undefined && name !== '--help') console.error(`charla: unknown command "${name}"`);
    console.error(['usage: npm run -s charla -- <command>', ...Object.values(commands).map((c) => `  ${c.usage}`)].join('\n'));
    return 2;
  }
  const module = await command.load();
  return module.default(args);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await runCli(process.argv.slice(2));
}
