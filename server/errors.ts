import { errorCatalogue, type ErrorCode } from '../schema/api/errors.ts';

/** An error with a catalogue code; the app's error handler turns it into `{ code, message, ...details }`. */
export class AppError extends Error {
  override name = 'AppError';
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message ?? errorCatalogue[code].message);
    this.statusCode = errorCatalogue[code].status;
  }
}

/**
 * Shorthand for `throw new AppError(...)` in expressions.
 * @example const flow = repo.getDraft(id) ?? fail('flow_not_found', `No flow "${id}"`);
 */
export function fail(code: ErrorCode, message?: string, details?: Record<string, unknown>): never {
  throw new AppError(code, message, details);
}
