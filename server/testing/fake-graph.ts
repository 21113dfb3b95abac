import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { oracle } from '../../runtime/whatsapp/testdata/oracle.ts';
import { createFakeManagement } from './fake-graph-management.ts';

/**
 * How the fake answers one request: 'ok', a named Graph error (ERRORS), any status and body, or
 * 'lost': the message is accepted (it gets a wamid, as if delivered) but the connection is reset
 * before the answer, as when a network path dies mid-call.
 */
export type FakeGraphAnswer = 'ok' | 'lost' | keyof typeof ERRORS | { status: number; body: unknown };

export interface FakeGraphRequest {
  phoneNumberId: string;
  authorization: string | undefined;
  /** The message as sent, without its callback data. */
  body: Record<string, unknown>;
  /** The `biz_opaque_callback_data` the send carried (Charla's names the outbox row). */
  callbackData?: string;
  /** The wamid answered, when the answer was 'ok'. */
  wamid?: string;
  /** The Graph error code answered, when it was a named error. */
  error?: number;
}

function invalidBody(schema: 'Message' | 'MarkMessageRequestPayload'): FakeGraphAnswer {
  const problems = JSON.stringify(oracle(schema).errors?.slice(0, 3));
  return { status: 400, body: { error: { message: `(#100) Invalid parameter: ${problems}`, type: 'OAuthException', code: 100, fbtrace_id: 'fake' } } };
}

/** Graph errors as Meta answers them (HTTP status, code, message); rate limits 4 and 80007 come as 400. */
const ERRORS = {
  throttled: { status: 429, code: 130429, message: '(#130429) Rate limit hit' },
  app_rate_limit: { status: 400, code: 4, message: '(#4) Application request limit reached' },
  account_rate_limit: { status: 400, code: 80007, message: '(#80007) Rate limit issues' },
  pair_rate_limit: { status: 400, code: 131056, message: '(#131056) (Business Account, Consumer Account) pair rate limit hit' },
  server_error: { status: 500, code: 131000, message: '(#131000) Something went wrong' },
  outside_window: { status: 400, code: 131047, message: '(#131047) Re-engagement message' },
  token_expired: { status: 401, code: 190, message: 'Error validating access token: Session has expired' },
  account_blocked: { status: 400, code: 368, message: '(#368) Temporarily blocked for policies violations' },
  account_locked: { status: 400, code: 131031, message: '(#131031) Business Account locked' },
  recipient_invalid: { status: 400, code: 131026, message: '(#131026) Message undeliverable' },
  unsupported_type: { status: 400, code: 131051, message: '(#131051) Unsupported message type' },
  invalid_parameter: { status: 400, code: 100, message: '(#100) Invalid parameter' },
} as const;

/**
 * A real HTTP fake of the Graph API's `POST /{phone_number_id}/messages` on 127.0.0.1. It records
 * every body and answers 'ok' (200 with a fresh wamid) unless told otherwise. Like Meta, it
 * refuses a body that breaks the `Message` schema (the oracle) with 100, and a token it was told
 * is expired with 190.
 * @example const graph = await startFakeGraph(); graph.answerNext('throttled'); // env WHATSAPP_GRAPH_URL=graph.url
 */
export async function startFakeGraph(options: { delayMs?: number } = {}) {
  const requests: FakeGraphRequest[] = [];
  const reads: FakeGraphRequest[] = [];
  const scripted: FakeGraphAnswer[] = [];
  let fallback: FakeGraphAnswer = 'ok';
  let sequence = 0;
  let delayMs = options.delayMs ?? 0;
  const expiredTokens = new Set<string>();
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const readWaiters: Array<{ count: number; resolve: () => void }> = [];
  /** While set, answers wait for it: requests pile up in flight. */
  let gate: { opened: Promise<void>; open: () => void } | undefined;
  const management = createFakeManagement();
  /** Media customers sent, by media id: served as Meta does (GET /{media-id}, then GET its url). */
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  /** Every media request (description or download), with its Authorization header. */
  const mediaRequests: Array<{ path: string; authorization: string | undefined }> = [];
  let origin = '';

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const match = /^\/([^/]+)\/messages$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) {
      const url = new URL(request.url ?? '/', 'http://fake');
      if (!request.headers.authorization?.startsWith('Bearer ')) return reply(response, 401, { error: { message: 'An access token is required', code: 190 } });
      if (expiredTokens.has(request.headers.authorization)) {
        const error = ERRORS.token_expired;
        return reply(response, error.status, { error: { message: error.message, type: 'OAuthException', code: error.code, fbtrace_id: 'fake' } });
      }
      const served = serveMedia(request.method, url.pathname, request.headers.authorization, response);
      if (served) return;
      const answered = await management.answer(request, Buffer.concat(chunks), url.pathname, url.searchParams);
      if (answered) return reply(response, answered.status, answered.body);
      return reply(response, 404, { error: { message: 'Unknown path', code: 100 } });
    }
    const sent = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    const { biz_opaque_callback_data: callbackData, ...message } = sent;
    const recorded: FakeGraphRequest = {
      phoneNumberId: decodeURIComponent(match[1]!),
      authorization: request.headers.authorization,
      body: message,
      ...(typeof callbackData === 'string' ? { callbackData } : {}),
    };
    // The same path marks a received message as read (`status: "read"`), with its own schema.
    const schema = sent.status === undefined ? 'Message' : 'MarkMessageRequestPayload';
    // Scripted and fallback answers are for messages: a read receipt gets its own (a typing indicator never spends one).
    const answer = expiredTokens.has(recorded.authorization ?? '')
      ? 'token_expired'
      : !oracle(schema)(sent) ? invalidBody(schema) : schema === 'MarkMessageRequestPayload' ? 'ok' : scripted.shift() ?? fallback;
    // Recorded on arrival, so `requests` is in the order the server sent them; read receipts apart.
    if (schema === 'MarkMessageRequestPayload') recordRead(recorded);
    else record(recorded);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (gate) await gate.opened;
    if (answer === 'ok' && schema === 'MarkMessageRequestPayload') return reply(response, 200, { success: true });
    if (answer === 'ok') {
      recorded.wamid = `wamid.FAKE${++sequence}`;
      // Meta answers wa_id for a send by phone, user_id for one by business-scoped user id.
      const { to, recipient } = recorded.body as { to?: string; recipient?: string };
      return reply(response, 200, {
        messaging_product: 'whatsapp',
        contacts: [to !== undefined ? { input: to, wa_id: to.replace(/^\+/, '') } : { input: recipient, user_id: recipient }],
        messages: [{ id: recorded.wamid }],
      });
    }
    if (answer === 'lost') {
      recorded.wamid = `wamid.FAKE${++sequence}`;
      response.socket?.destroy();
      return;
    }
    if (typeof answer === 'object') return reply(response, answer.status, answer.body);
    const error = ERRORS[answer];
    recorded.error = error.code;
    return reply(response, error.status, {
      error: { message: error.message, type: 'OAuthException', code: error.code, error_data: { details: error.message }, fbtrace_id: 'fake' },
    });
  }

  function recordRead(request: FakeGraphRequest): void {
    reads.push(request);
    for (const waiter of readWaiters.filter((each) => reads.length >= each.count)) {
      readWaiters.splice(readWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  /**
   * `GET /{media-id}` → `{ messaging_product, url, mime_type, sha256, file_size, id }`; `GET url` (this fake's
   * own "lookaside" path, as short-lived as Meta's is irrelevant here) → the bytes. Both need the token.
   */
  function serveMedia(method: string | undefined, path: string, authorization: string | undefined, response: ServerResponse): boolean {
    const download = /^\/lookaside\/media\/([^/]+)$/.exec(path);
    const described = /^\/(?:v\d+\.\d+\/)?([0-9]+)$/.exec(path);
    const id = decodeURIComponent((download ?? described)?.[1] ?? '');
    const item = media.get(id);
    if (method !== 'GET' || item === undefined) return false;
    mediaRequests.push({ path, authorization });
    if (download) {
      response.writeHead(200, { 'content-type': item.mimeType, 'content-length': item.bytes.byteLength });
      response.end(item.bytes);
      return true;
    }
    reply(response, 200, {
      messaging_product: 'whatsapp', url: `${origin}/lookaside/media/${encodeURIComponent(id)}`, mime_type: item.mimeType,
      sha256: createHash('sha256').update(item.bytes).digest('hex'), file_size: String(item.bytes.byteLength), id,
    });
    return true;
  }

  function record(request: FakeGraphRequest): void {
    requests.push(request);
    for (const waiter of [...waiters]) {
      if (requests.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => reply(response, 400, { error: { message: error.message, code: 100 } }));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `http://127.0.0.1:${port}`,
    /** Every request received, in arrival order; `wamid` is set once an 'ok' answer is sent. */
    requests,
    /** Every mark-as-read (and typing indicator) received, in arrival order. */
    reads,
    /** The WhatsApp Business Management side: Meta's Flows, the calls received, the templates each WABA lists. */
    management,
    /** Every media description and download asked for. */
    mediaRequests,
    /** A media file a customer sent (a voice note), downloadable by its id as from Meta. */
    addMedia(id: string, bytes: Buffer, mimeType: string): void {
      media.set(id, { bytes, mimeType });
    },
    /** The next requests get these answers, in order; then the fallback. */
    answerNext(...answers: FakeGraphAnswer[]): void {
      scripted.push(...answers);
    },
    /** The answer once the scripted ones are used up ('ok' at first). */
    answerAlways(answer: FakeGraphAnswer): void {
      fallback = answer;
    },
    /** Requests bearing this token get 190 (expired) from now on, whatever was scripted. */
    expireToken(token: string): void {
      expiredTokens.add(`Bearer ${token}`);
    },
    /** Holds every answer this long (to keep requests in flight). */
    setDelay(ms: number): void {
      delayMs = ms;
    },
    /** Answers nothing until release(): every request that arrives meanwhile stays in flight. */
    hold(): void {
      let open = () => {};
      const opened = new Promise<void>((resolve) => (open = resolve));
      gate = { opened, open };
    },
    release(): void {
      gate?.open();
      gate = undefined;
    },
    /** Resolves once `count` requests in total have arrived. */
    waitForRequests(count: number): Promise<void> {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    /** Resolves once `count` read receipts (typing indicators) have arrived. */
    waitForReads(count: number): Promise<void> {
      if (reads.length >= count) return Promise.resolve();
      return new Promise((resolve) => readWaiters.push({ count, resolve }));
    },
    close(): Promise<void> {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeGraph = Awaited<ReturnType<typeof startFakeGraph>>;

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
