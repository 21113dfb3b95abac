/**
 * Errors the editor's API client raises. The server's codes (server/errors.ts) come through as is;
 * the two below are the client's own, for when no coded answer arrived at all.
 */
export const clientErrorCodes = {
  network_error: 'The server could not be reached',
  bad_response: 'The server answered with something that is not JSON',
} as const;

export type ClientErrorCode = keyof typeof clientErrorCodes;

/**
 * A failed API call: `code` and `details` as the server sent them (`{ code, message, ...details }`).
 * `message` is the UI's wording of the code when the client knows the UI language (see
 * editor/i18n/error-messages.ts), else the server's; `serverMessage` is always the server's.
 * @example try { await api.saveFlow(id, doc, 3) } catch (e) { if (e instanceof ApiError && e.status === 409) … }
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly serverMessage: string;

  constructor(
    readonly status: number,
    readonly code: string,
    serverMessage: string,
    readonly details: Record<string, unknown> = {},
    localizedMessage?: string,
  ) {
    super(localizedMessage ?? serverMessage);
    this.serverMessage = serverMessage;
  }

  static client(code: ClientErrorCode, cause?: unknown, localizedMessage?: string): ApiError {
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return new ApiError(0, code, `${clientErrorCodes[code]}${detail}`, {}, localizedMessage);
  }
}

export function isApiError(value: unknown, status?: number): value is ApiError {
  return value instanceof ApiError && (status === undefined || value.status === status);
}
