import { Agent, errors as undiciErrors, request as undiciRequest, type Dispatcher } from 'undici';
import type { HttpRequest, HttpResponse, RuntimePorts } from '../core/types.ts';
import { blockedAddressReason, ipLiteralOf } from './address-policy.ts';
import { AdapterFailure } from './errors.ts';
import { BlockedAddressError, guardedLookup, systemResolver, type AddressPolicy, type Resolver } from './guarded-lookup.ts';

export const HTTP_LIMITS = {
  defaultTimeoutMs: 5_000,
  maxTimeoutMs: 15_000,
  maxResponseBytes: 1_048_576,
  maxRedirects: 3,
} as const;

export interface HttpPortOptions {
  /** CHARLA_ALLOW_PRIVATE_HTTP=1: loopback and private addresses may be reached. */
  allowPrivate: boolean;
  /** Host name resolution; tests pass their own so no real DNS is needed. */
  resolver?: Resolver;
  /**
   * Which addresses are refused (default: all but public unicast). Tests narrow
   * it to let 127.0.0.1 stand in for the public internet.
   */
  addressPolicy?: AddressPolicy;
  maxResponseBytes?: number;
  maxRedirects?: number;
}

/** Headers that must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The `http` port for api_call nodes. Never throws: every failure (refused
 * address, timeout, oversized body, too many redirects, non-2xx status, network
 * error) is `{ ok: false, reason: '<code>: <detail>' }`, with `status` when the
 * server answered. Addresses are checked after DNS resolution, as each socket
 * connects (redirects included); IP literals before anything is sent.
 * @example const http = createHttpPort({ allowPrivate: false });
 * await http({ method: 'GET', url: 'https://api.example/precio', headers: {}, timeoutMs: 5000 })
 */
export function createHttpPort(options: HttpPortOptions): RuntimePorts['http'] {
  const policy: AddressPolicy = options.allowPrivate ? () => undefined : (options.addressPolicy ?? blockedAddressReason);
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(options.resolver ?? systemResolver, policy) } });
  const limits = {
    policy,
    maxResponseBytes: options.maxResponseBytes ?? HTTP_LIMITS.maxResponseBytes,
    maxRedirects: options.maxRedirects ?? HTTP_LIMITS.maxRedirects,
  };
  return async (request) => {
    const timeoutMs = effectiveTimeoutMs(request.timeoutMs);
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return await send(request, dispatcher, signal, limits);
    } catch (error) {
      const failure = signal.aborted ? new AdapterFailure('timeout', `${timeoutMs} ms`) : toFailure(error);
      return failure.status === undefined ? { ok: false, reason: failure.message } : { ok: false, status: failure.status, reason: failure.message };
    }
  };
}

/** The node's timeout, or the default when unset, never above 15 s. */
export function effectiveTimeoutMs(requested: number | undefined): number {
  const timeout = requested !== undefined && Number.isFinite(requested) && requested > 0 ? requested : HTTP_LIMITS.defaultTimeoutMs;
  return Math.min(timeout, HTTP_LIMITS.maxTimeoutMs);
}

type Limits = { policy: AddressPolicy; maxResponseBytes: number; maxRedirects: number };

async function send(request: HttpRequest, dispatcher: Dispatcher, signal: AbortSignal, limits: Limits): Promise<HttpResponse> {
  let url = checkedUrl(request.url, limits.policy);
  let method: HttpRequest['method'] = request.method;
  let body = request.body;
  let headers = { ...request.headers };
  for (let redirects = 0; ; redirects++) {
    const response = await undiciRequest(url, { method, headers, body, dispatcher, signal });
    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(response.statusCode) && typeof location === 'string') {
      await response.body.dump();
      if (redirects >= limits.maxRedirects) throw new AdapterFailure('too_many_redirects', `more than ${limits.maxRedirects}`, response.statusCode);
      const next = checkedUrl(new URL(location, url).href, limits.policy);
      if (next.origin !== url.origin) headers = withoutCredentials(headers);
      // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
      if (response.statusCode === 303 || (response.statusCode <= 302 && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      url = next;
      continue;
    }
    const text = await readCapped(response, limits.maxResponseBytes);
    const status = response.statusCode;
    const answered = { status, text, headers: flatHeaders(response.headers) };
    if (status < 200 || status > 299) return { ok: false, reason: new AdapterFailure('http_status', undefined, status).message, ...answered };
    return { ok: true, json: parseJson(text), ...answered };
  }
}

/** Parses the URL and refuses non-http(s) schemes and blocked IP literals (sockets skip DNS for those). */
function checkedUrl(raw: string, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AdapterFailure('bad_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AdapterFailure('not_http', url.protocol);
  const literal = ipLiteralOf(url.hostname);
  const range = literal === undefined ? undefined : policy(literal);
  if (range !== undefined) throw new AdapterFailure('refused_address', `${literal} (${range})`);
  return url;
}

/** undici's headers (a name may repeat) as one string per name, joined as HTTP would fold them. */
function flatHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())));
}

async function readCapped(response: Dispatcher.ResponseData, maxBytes: number): Promise<string> {
  const declared = Number(response.headers['content-length']);
  if (declared > maxBytes) {
    response.body.destroy();
    throw new AdapterFailure('too_large', `${declared} bytes declared, at most ${maxBytes}`, response.statusCode);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.body.destroy();
      throw new AdapterFailure('too_large', `more than ${maxBytes} bytes`, response.statusCode);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function toFailure(error: unknown): AdapterFailure {
  if (error instanceof AdapterFailure) return error;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  for (const candidate of [error, cause]) {
    if (candidate instanceof BlockedAddressError) return new AdapterFailure('refused_address', `${candidate.address} (${candidate.range})`);
  }
  if (error instanceof undiciErrors.InvalidArgumentError) return new AdapterFailure('bad_request');
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new AdapterFailure('dns');
  return new AdapterFailure('network', typeof code === 'string' ? code : undefined);
}
