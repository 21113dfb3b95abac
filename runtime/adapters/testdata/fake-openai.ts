import type { IncomingHttpHeaders } from 'node:http';
import { startTestServer, type TestServer } from './test-server.ts';

/** What the fake model does for one user message. */
export type FakeAnswer =
  | { content: string; refusal?: string }
  | { status: number; error: string }
  | { hang: true };

export interface FakeOpenAi extends TestServer {
  /** `baseURL` for the openai client. */
  baseURL: string;
  /** Every chat completions request body received, with its Authorization header. */
  requests: Array<{ authorization: string | undefined; body: Record<string, unknown> }>;
  /** Every `/audio/transcriptions` upload received. */
  transcriptionRequests: FakeAudio[];
  /** Every `/embeddings` request body received, with its Authorization header. */
  embeddingRequests: Array<{ authorization: string | undefined; body: { model: string; input: string[]; encoding_format?: string } }>;
}

/** Options of the fake: without `embed`, `/embeddings` answers 404, as an endpoint without embeddings does. */
export interface FakeOpenAiOptions {
  /** The fake embedding model: a text's vector (floats). */
  embed?: (text: string) => number[];
  /** The fake transcription model: what an uploaded audio file says, or an HTTP error. */
  transcribe?: (audio: FakeAudio) => string | { status: number; error: string };
}

/** One `/audio/transcriptions` upload as the fake received it (multipart form fields). */
export interface FakeAudio {
  bytes: Buffer;
  filename: string;
  type: string;
  model: string;
  authorization: string | undefined;
  fields: Record<string, string>;
}

/**
 * A fake OpenAI endpoint on 127.0.0.1 speaking the real wire format: chat completions, where
 * `answer` decides the reply from the last user message, and `/embeddings` (`{ model, input:
 * string[], encoding_format: 'float' }` → `{ object: 'list', data: [{ object: 'embedding', index,
 * embedding }], model, usage }`) when given `embed`.
 */
export async function startFakeOpenAi(answer: (userText: string) => FakeAnswer, options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const requests: FakeOpenAi['requests'] = [];
  const embeddingRequests: FakeOpenAi['embeddingRequests'] = [];
  const transcriptionRequests: FakeAudio[] = [];
  const server = await startTestServer((request, response, raw, bytes) => {
    if (request.method === 'POST' && request.url === '/v1/audio/transcriptions' && options.transcribe !== undefined) {
      const transcribe = options.transcribe;
      void transcription(request.headers, bytes).then((audio) => {
        transcriptionRequests.push(audio);
        const said = transcribe(audio);
        response.setHeader('content-type', 'application/json');
        if (typeof said !== 'string') {
          response.statusCode = said.status;
          response.end(JSON.stringify({ error: { message: said.error, type: 'invalid_request_error', code: null } }));
        } else response.end(JSON.stringify({ text: said }));
      }, (error: Error) => {
        response.statusCode = 400;
        response.end(JSON.stringify({ error: { message: `not a multipart upload: ${error.message}`, type: 'invalid_request_error', code: null } }));
      });
      return;
    }
    if (request.method === 'POST' && request.url === '/v1/embeddings' && options.embed !== undefined) {
      const body = JSON.parse(raw) as FakeOpenAi['embeddingRequests'][number]['body'];
      embeddingRequests.push({ authorization: request.headers.authorization, body });
      response.setHeader('content-type', 'application/json');
      if (body.encoding_format !== 'float' || !Array.isArray(body.input)) {
        response.statusCode = 400;
        response.end(JSON.stringify({ error: { message: 'this fake answers encoding_format float for an array input', type: 'invalid_request_error', code: null } }));
        return;
      }
      const embed = options.embed;
      response.end(JSON.stringify({
        object: 'list',
        data: body.input.map((text, index) => ({ object: 'embedding', index, embedding: embed(text) })),
        model: body.model,
        usage: { prompt_tokens: body.input.length, total_tokens: body.input.length },
      }));
      return;
    }
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      response.statusCode = 404;
      response.end('{"error":{"message":"not found"}}');
      return;
    }
    const body = JSON.parse(raw) as { messages: Array<{ role: string; content: string }> };
    requests.push({ authorization: request.headers.authorization, body });
    const userText = body.messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
    const reply = answer(userText);
    response.setHeader('content-type', 'application/json');
    if ('hang' in reply) return;
    if ('status' in reply) {
      response.statusCode = reply.status;
      response.end(JSON.stringify({ error: { message: reply.error, type: 'server_error', code: null } }));
      return;
    }
    response.end(JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_764_000_000,
      model: 'fake-model',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply.content, refusal: reply.refusal ?? null } }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }));
  });
  return { ...server, baseURL: `${server.origin}/v1`, requests, embeddingRequests, transcriptionRequests };
}

/** Reads a multipart/form-data upload (`file`, `model`, …) with the platform's own parser. */
async function transcription(headers: IncomingHttpHeaders, bytes: Buffer): Promise<FakeAudio> {
  const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': String(headers['content-type']) } }).formData();
  const file = form.get('file');
  if (!(file instanceof Blob)) throw new Error('no file field');
  const fields = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string')) as Record<string, string>;
  return {
    bytes: Buffer.from(await file.arrayBuffer()),
    filename: (file as File).name,
    type: file.type,
    model: fields.model ?? '',
    authorization: headers.authorization,
    fields,
  };
}
