import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { flowLimitBreach, migrateFlow, validateFlow, type FlowDocument } from '../../schema/index.ts';
import { runTurn } from '../../runtime/index.ts';
import { createRuntimePorts } from '../../runtime/adapters/ports.ts';
import { runtimeConfigFromEnv, type RuntimeConfig } from '../../runtime/adapters/config.ts';
import { applyTimerEffects, nextDueTimer } from '../../runtime/core/timers.ts';
import type { Contact, InboundEvent, OutboundMessage, Session, Timer, TurnResult } from '../../runtime/core/types.ts';
import { webhookMessageToEvent } from '../../runtime/whatsapp/inbound.ts';
import { OutboundLimitError } from '../../runtime/whatsapp/errors.ts';
import { toGraphMessageBody } from '../../runtime/whatsapp/outbound.ts';
import { adaptToLimits } from '../../runtime/whatsapp/adapt.ts';
import { rememberOffer, simulatorInput, type LastOffer } from './simulate-input.ts';
import { describeEffect, describeOutbound, describeTrace } from './simulate-print.ts';

const USAGE = 'usage: npm run -s charla -- simulate [--json] [--name NAME] [--wa-id DIGITS] FILE < messages.txt';

interface Options {
  file: string;
  json: boolean;
  contact: Contact;
}

/**
 * `charla simulate FILE`: chats with a flow in the terminal. Each stdin line is one
 * user message (see simulate-input.ts); each bot message is printed as one JSON
 * line, the Graph API body live traffic would send. Without `--json`, also `> you`,
 * `< bot` lines, the trace and what happened (handoff, end, errors), and the
 * variables at the end. Same configuration as the server (OPENAI_*, CHARLA_SECRET_*,
 * CHARLA_ALLOW_PRIVATE_HTTP). Exits 2 on bad arguments, an unreadable file or bad
 * configuration, 1 when the flow has errors, 0 otherwise.
 */
export default async function simulate(args: string[]): Promise<number> {
  const options = parseArguments(args);
  if (typeof options === 'string') return fail(options);
  let config: RuntimeConfig;
  try {
    config = runtimeConfigFromEnv(process.env);
  } catch (error) {
    return fail((error as Error).message);
  }
  const flow = await loadFlow(options.file);
  if (typeof flow === 'string') return fail(flow, flow.startsWith('the flow has errors') ? 1 : 2);
  const ports = createRuntimePorts(config);
  const say = (line: string) => {
    if (!options.json) console.log(line);
  };
  const offer: LastOffer = { buttons: [], rows: [] };
  let session: Session | null = null;
  let timers: Timer[] = [];
  // `#wait:` lines move the simulated clock ahead of the real one by this much.
  let travelled = 0;
  const { waId } = options.contact;
  let count = 0;
  const play = async (event: InboundEvent, now: number): Promise<void> => {
    const result = await runTurn({ flow, session, event, contact: options.contact, version: 'draft', now, ports, secrets: config.secrets });
    session = result.session;
    timers = applyTimerEffects(timers, result.timers);
    print(result);
  };
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    const now = Date.now() + travelled;
    const input = simulatorInput(line, offer, { from: options.contact.waId, id: `wamid.sim.${++count}`, timestamp: String(Math.floor(now / 1000)) });
    if (input.kind === 'skip') continue;
    if (input.kind === 'error') {
      console.error(`charla simulate: ${input.error}`);
      continue;
    }
    say(`> ${line.trim()}`);
    if (input.kind === 'wait') {
      for (let due = nextDueTimer(timers, now + input.ms); due !== undefined; due = nextDueTimer(timers, now + input.ms)) {
        const timer = due;
        timers = timers.filter((pending) => pending !== timer);
        say(`# ⏱ ${describeTimer(timer)} fell due`);
        await play({ type: 'timer', timer }, timer.dueAt);
      }
      travelled += input.ms;
      continue;
    }
    await play(input.kind === 'resolve' ? { type: 'handoff_resolved' } : webhookMessageToEvent(input.message), now);
  }
  if (session) say(`# variables: ${JSON.stringify((session as Session).variables)}`);
  return 0;

  function print(result: TurnResult): void {
    for (const rendered of result.messages) {
      rememberOffer(offer, rendered);
      const { messages, adaptations } = adaptToLimits(rendered);
      for (const adaptation of adaptations) say(`# adapted to WhatsApp's limits: ${JSON.stringify(adaptation)}`);
      for (const message of messages) printBody(message);
    }
    if (result.trace.length > 0) say(describeTrace(result.trace));
    for (const effect of result.effects) say(describeEffect(effect));
  }

  function printBody(message: OutboundMessage): void {
    say(describeOutbound(message));
    try {
      console.log(JSON.stringify(toGraphMessageBody(message, waId, { localFormIds: true })));
    } catch (error) {
      if (!(error instanceof OutboundLimitError)) throw error;
      console.error(`charla simulate: WhatsApp would refuse this message (${error.code}): ${error.message}`);
    }
  }
}

function describeTimer(timer: Timer): string {
  return timer.action.type === 'expire' ? 'the session timeout' : `${timer.action.nodeId} → ${timer.action.output}`;
}

function fail(message: string, code = 2): number {
  console.error(`charla simulate: ${message}`);
  if (code === 2) console.error(USAGE);
  return code;
}

function parseArguments(args: string[]): Options | string {
  const options: Partial<Options> & { contact: Contact } = { json: false, contact: { waId: '5491100000000', name: 'Tester' } };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--name') options.contact = { ...options.contact, name: args[++index] ?? '' };
    else if (arg === '--wa-id') {
      const waId = args[++index] ?? '';
      if (!/^\d{6,20}$/.test(waId)) return `--wa-id takes the user's number as digits, got "${waId}"`;
      options.contact = { ...options.contact, waId };
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else if (options.file === undefined) options.file = arg;
    else return 'give one flow file';
  }
  return options.file === undefined ? 'no flow file given' : (options as Options);
}

/** The flow, migrated to the current version, or why it cannot be simulated. */
async function loadFlow(file: string): Promise<FlowDocument | string> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === undefined ? `${file} is not JSON: ${(error as Error).message}` : `cannot read ${file} (${code})`;
  }
  const breach = flowLimitBreach(document);
  if (breach !== undefined) return `${file}: ${breach.code}: ${breach.message}`;
  const errors = validateFlow(document).problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.slice(0, 5).map((problem) => `  ${problem.code}${problem.nodeId ? ` at node ${problem.nodeId}` : ''}: ${problem.message}`);
    return `the flow has errors; see npm run -s charla -- validate ${file}\n${lines.join('\n')}`;
  }
  return migrateFlow(document as Record<string, unknown>) as unknown as FlowDocument;
}
