import OpenAI from 'openai';
import { AdapterFailure } from './errors.ts';

export interface OpenAiOptions {
  apiKey: string;
  /** Any OpenAI-compatible endpoint; the official API when unset. */
  baseURL?: string;
  model: string;
  /** The user is waiting: a slow model takes the node's fallback (default 8 s). */
  timeoutMs?: number;
  /** Default 0: a retry doubles the wait, and the fallback is a fine answer. */
  maxRetries?: number;
}

/** The client every OpenAI adapter uses: the configured endpoint, a short timeout, no retries by default. */
export function openAiClient(options: OpenAiOptions): { client: OpenAI; timeoutMs: number } {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const client = new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? 0,
  });
  return { client, timeoutMs };
}

/** A strict JSON answer's parsed content; a refusal or anything but JSON is a `bad_answer`. */
export function parseJsonAnswer(message: { content?: string | null; refusal?: string | null } | undefined): unknown {
  if (typeof message?.refusal === 'string' && message.refusal !== '') throw new AdapterFailure('bad_answer', 'refused');
  try {
    return JSON.parse(message?.content ?? '');
  } catch {
    throw new AdapterFailure('bad_answer', 'not JSON');
  }
}

/** Why a call failed, as `<code>: <detail>`, never with a URL, header or body (docs/security.md). */
export function describeOpenAiError(error: unknown, timeoutMs: number): string {
  if (error instanceof AdapterFailure) return error.message;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return `timeout: ${timeoutMs} ms`;
  if (error instanceof OpenAI.APIConnectionError) return 'network: the connection failed';
  if (error instanceof OpenAI.APIError) return `http_status: HTTP ${String(error.status)}`;
  return `network: ${error instanceof Error ? error.name : 'unknown error'}`;
}
