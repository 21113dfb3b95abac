import { ApiError } from './api-error.ts';

export interface HttpOptions {
  /** Where the API lives; '' means the page's own origin. */
  baseUrl?: string;
  /** The bearer token, read on every call so signing out takes effect at once. */
  token(): string | null;
  fetch?: typeof fetch;
}

export type Http = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * A JSON-over-HTTP caller: sends the bearer token, parses the answer, and turns any non-2xx into an
 * ApiError carrying the server's `{ code, message, ...details }`.
 * @example const http = createHttp({ token: () => 'chr_…' }); await http('GET', '/api/flows');
 */
export function createHttp(options: HttpOptions): Http {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return async function http<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl ?? ''}${path}`, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw ApiError.client('network_error', cause);
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch (cause) {
        if (response.ok) throw ApiError.client('bad_response', cause);
      }
    }
    if (!response.ok) throw errorFrom(response, parsed);
    return parsed as T;
  };
}

function errorFrom(response: Response, parsed: unknown): ApiError {
  const { code, message, ...details } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  return new ApiError(
    response.status,
    typeof code === 'string' ? code : `http_${response.status}`,
    typeof message === 'string' ? message : response.statusText || `HTTP ${response.status}`,
    details,
  );
}
