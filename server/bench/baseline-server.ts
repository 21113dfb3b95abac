/**
 * The webhook benchmark's baseline (issue 4): a minimal Fastify + better-sqlite3 server that checks
 * the signature on the raw bytes, parses the body and, per message, in one transaction per request,
 * reads the contact's session, writes it back and inserts one outbox row. Same SQLite settings as
 * the real server (WAL, synchronous=NORMAL). Prints `{"listening": url}`. Run with `tsx`.
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { hasValidSignature } from '../plugins/webhook/signature.ts';

const secret = process.env.WHATSAPP_APP_SECRET ?? '';
const sqlite = new Database(process.env.CHARLA_DB ?? './data/baseline.db');
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.exec(`CREATE TABLE IF NOT EXISTS sessions (contact TEXT PRIMARY KEY, session TEXT NOT NULL, updated_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY, contact TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL, created_at INTEGER NOT NULL);`);
const readSession = sqlite.prepare<[string], { session: string }>('SELECT session FROM sessions WHERE contact = ?');
const writeSession = sqlite.prepare('INSERT INTO sessions (contact, session, updated_at) VALUES (?, ?, ?) ON CONFLICT (contact) DO UPDATE SET session = excluded.session, updated_at = excluded.updated_at');
const insertOutbox = sqlite.prepare(`INSERT INTO outbox (contact, body, state, created_at) VALUES (?, ?, 'queued', ?)`);

interface Message { from: string; id: string; text?: { body: string } }
const handle = sqlite.transaction((messages: Message[], now: number) => {
  for (const message of messages) {
    const stored = readSession.get(message.from);
    const session = stored ? (JSON.parse(stored.session) as { turns: number }) : { turns: 0 };
    session.turns += 1;
    writeSession.run(message.from, JSON.stringify(session), now);
    insertOutbox.run(message.from, JSON.stringify({ to: `+${message.from}`, type: 'text', text: { body: message.text?.body ?? '' } }), now);
  }
});

const app = Fastify({ logger: false });
app.removeContentTypeParser('application/json');
app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 3 * 1024 * 1024 }, (_request, body, done) => done(null, body));
app.post('/webhooks/whatsapp', async (request, reply) => {
  const raw = request.body as Buffer;
  if (!hasValidSignature(raw, request.headers['x-hub-signature-256'], secret)) return reply.code(401).send();
  const body = JSON.parse(raw.toString('utf8')) as { entry: Array<{ changes: Array<{ value: { messages?: Message[] } }> }> };
  const messages = body.entry.flatMap((entry) => entry.changes.flatMap((change) => change.value.messages ?? []));
  handle(messages, Date.now());
  return reply.code(200).send('EVENT_RECEIVED');
});
const url = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`${JSON.stringify({ listening: url })}\n`);
