import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { pathOf } from '../../schema/api/route.ts';
import { REPLAYED_HEADER, startConversation, type StartConversationBody } from '../../schema/api/starts.ts';
import { contentHash } from '../flows/content-hash.ts';

const USAGE = [
  'usage: npm run -s charla -- start --flow ID --csv CONTACTS.csv --template NAME --language CODE',
  '         [--param KEY=TEXT]... [--header TEXT] [--button INDEX=TEXT]... [--node ID] [--phone-number-id ID] [--url URL]',
  '  columns: phone and/or user_id (and optionally name); every other column is a variable of the conversation.',
  '  The server is --url (else CHARLA_URL, else http://127.0.0.1:3000); the token is CHARLA_TOKEN (admin or analyst).',
].join('\n');

/** The columns that say who the contact is; every other column is an initial variable. */
const CONTACT_COLUMNS = new Set(['phone', 'user_id', 'name']);

export interface StartIo {
  out(line: string): void;
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

const processIo: StartIo = { out: (line) => console.log(line), err: (line) => console.error(line), env: process.env };

/**
 * `charla start`: starts every row of a CSV on a flow's live version (POST /api/flows/:id/start), one
 * request at a time (the server paces the templates within the number's rate), and prints one line per
 * row: `started`, `already started` (a rerun) or `error` with the server's code. Each row's request
 * carries an idempotency key derived from the flow, the template and the row, so running the same file
 * again after an interruption starts only the rows that were not. Exits 1 when any row failed, 2 on bad
 * arguments or an unreadable file.
 */
export default function start(args: string[]): Promise<number> {
  return runStart(args, processIo);
}

export async function runStart(args: string[], io: StartIo): Promise<number> {
  const options = parseOptions(args, io.env);
  if (typeof options === 'string') {
    io.err(`charla start: ${options}\n${USAGE}`);
    return 2;
  }
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(await readFile(options.csv, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    io.err(`charla start: cannot read ${options.csv}: ${(error as Error).message}`);
    return 2;
  }
  let failed = 0;
  for (const [index, row] of rows.entries()) {
    // Line numbers as an editor shows them: the header is line 1.
    const line = index + 2;
    const who = row.phone || row.user_id || '?';
    const body = requestBody(row, options);
    try {
      const response = await fetch(new URL(pathOf(startConversation, { id: options.flow }), options.url), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`, 'content-type': 'application/json',
          'idempotency-key': `charla-start-${contentHash({ flow: options.flow, body }).slice(0, 40)}`,
        },
        body: JSON.stringify(body),
      });
      const answer = await response.json() as { conversationId?: number; code?: string; message?: string };
      if (response.ok) {
        const replayed = response.headers.get(REPLAYED_HEADER) === 'true';
        io.out(`${line}\t${who}\t${replayed ? 'already started' : 'started'}\tconversation ${answer.conversationId}`);
      } else {
        failed++;
        io.out(`${line}\t${who}\terror\t${answer.code ?? response.status}: ${answer.message ?? ''}`);
      }
    } catch (error) {
      failed++;
      io.out(`${line}\t${who}\terror\t${(error as Error).message}`);
    }
  }
  io.err(`${rows.length - failed} of ${rows.length} rows started (or already were)`);
  return failed > 0 ? 1 : 0;
}

interface StartOptions {
  flow: string;
  csv: string;
  url: string;
  token: string;
  template: StartConversationBody['template'];
  nodeId?: string;
  phoneNumberId?: string;
}

function requestBody(row: Record<string, string>, options: StartOptions): StartConversationBody {
  const variables = Object.fromEntries(Object.entries(row).filter(([column]) => !CONTACT_COLUMNS.has(column)));
  return {
    contact: {
      ...(row.phone ? { phone: row.phone.replace(/^\+/, '') } : {}),
      ...(row.user_id ? { userId: row.user_id } : {}),
      ...(row.name ? { name: row.name } : {}),
    },
    template: options.template,
    variables,
    ...(options.nodeId === undefined ? {} : { nodeId: options.nodeId }),
    ...(options.phoneNumberId === undefined ? {} : { phoneNumberId: options.phoneNumberId }),
  };
}

function parseOptions(args: string[], env: StartIo['env']): StartOptions | string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        flow: { type: 'string' }, csv: { type: 'string' }, template: { type: 'string' }, language: { type: 'string' },
        param: { type: 'string', multiple: true }, header: { type: 'string' }, button: { type: 'string', multiple: true },
        node: { type: 'string' }, 'phone-number-id': { type: 'string' }, url: { type: 'string' },
      },
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const { flow, csv, template: name, language } = values;
  if (!flow || !csv || !name || !language) return '--flow, --csv, --template and --language are required';
  const token = env.CHARLA_TOKEN;
  if (!token) return 'set CHARLA_TOKEN to an admin or analyst API token';
  const pairs = (items: string[] | undefined) => {
    const entries = (items ?? []).map((item) => [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)] as const);
    return entries.some(([key]) => key === '') ? undefined : Object.fromEntries(entries);
  };
  const bodyParameters = pairs(values.param);
  const buttonParameters = pairs(values.button);
  if (!bodyParameters || !buttonParameters) return '--param and --button take KEY=TEXT';
  return {
    flow, csv, token, url: values.url ?? env.CHARLA_URL ?? 'http://127.0.0.1:3000',
    template: {
      name, language,
      ...(Object.keys(bodyParameters).length > 0 ? { bodyParameters } : {}),
      ...(values.header === undefined ? {} : { headerParameter: values.header }),
      ...(Object.keys(buttonParameters).length > 0 ? { buttonParameters } : {}),
    },
    ...(values.node === undefined ? {} : { nodeId: values.node }),
    ...(values['phone-number-id'] === undefined ? {} : { phoneNumberId: values['phone-number-id'] }),
  };
}
