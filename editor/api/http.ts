import { codedErrorText } from '../i18n/error-text.ts';
import type { Locale } from '../i18n/index.ts';
import { ApiError, type ClientErrorCode } from './api-error.ts';

export interface HttpOptions {
  /** Where the API lives; '' means the page's own origin. */
  baseUrl?: string;
  /** The bearer token, read on every call so signing out takes effect at once. */
  token(): string | null;
  fetch?: typeof fetch;
  /**
   * The UI language, read on every call: sent as `Accept-Language` (the server words validation
   * problems in it) and used to word the errors. Without it, errors carry the server's message.
   */
  locale?(): Locale;
}

/** `text`: the answer is text (a CSV export), returned as it came; errors are still coded JSON. */
export type Http = <T>(method: string, path: string, body?: unknown, answer?: { text: true }) => Promise<T>;

/**
 * A JSON-over-HTTP caller: sends the bearer token and the UI language, parses the answer, and turns
 * any non-2xx into an ApiError carrying the server's `{ code, message, ...details }`, worded by its code.
 * @example const http = createHttp({ token: () => 'chr_…' }); await http('GET', '/api/flows');
 */
export function createHttp(options: HttpOptions): Http {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return async function http<T>(method: string, path: string, body?: unknown, answer?: { text: true }): Promise<T> {
    const locale = options.locale?.();
    const headers: Record<string, string> = { accept: answer?.text ? 'text/*, application/json' : 'application/json' };
    if (locale) headers['accept-language'] = locale;
    const token = options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    const clientError = (code: ClientErrorCode, cause: unknown) =>
      ApiError.client(code, cause, locale && codedErrorText({ code, status: 0, details: {} }, locale));
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl ?? ''}${path}`, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw clientError('network_error', cause);
    }
    const text = await response.text();
    if (answer?.text && response.ok) return text as T;
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch (cause) {
        if (response.ok) throw clientError('bad_response', cause);
      }
    }
    if (!response.ok) throw errorFrom(response, parsed, locale);
    return parsed as T;
  };
}

function errorFrom(response: Response, parsed: unknown, locale: Locale | undefined): ApiError {
  const { code: sentCode, message, ...details } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const code = typeof sentCode === 'string' ? sentCode : `http_${response.status}`;
  const serverMessage = typeof message === 'string' ? message : response.statusText || `HTTP ${response.status}`;
  const localized = locale && codedErrorText({ code, status: response.status, details }, locale);
  return new ApiError(response.status, code, serverMessage, details, localized);
}
