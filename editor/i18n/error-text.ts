import { isApiError } from '../api/api-error.ts';
import { errorMessages, type ErrorMessageKey } from './error-messages.ts';
import { translate, useLocale, type Locale } from './index.ts';

/** What a coded failure needs to be worded: its code, HTTP status and the answer's details. */
export interface CodedFailure { code: string; status: number; details: Record<string, unknown> }

const isKnown = (code: string): code is ErrorMessageKey => Object.hasOwn(errorMessages.es, code);

/** The problems a 422 lists (`details.problems`), as sent. */
export function listedProblems(details: Record<string, unknown>): Array<{ severity?: string; message?: string; nodeId?: string }> {
  return Array.isArray(details.problems) ? details.problems as Array<{ severity?: string; message?: string; nodeId?: string }> : [];
}

function paramsOf({ status, details }: CodedFailure): Record<string, string | number> {
  const params: Record<string, string | number> = { status };
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  const problems = listedProblems(details);
  params.count = problems.filter((problem) => problem.severity !== 'warning').length;
  return params;
}

/**
 * The editor's words for a coded failure in `locale`, or undefined for a code it does not know
 * (the caller then shows the server's own message). Answers without a code (`http_502` from a
 * proxy) are worded by their status.
 * @example codedErrorText({ code: 'invalid_token', status: 401, details: {} }, 'es') // 'El token no es válido: …'
 */
export function codedErrorText(failure: CodedFailure, locale: Locale): string | undefined {
  const key = isKnown(failure.code) ? failure.code : /^http_\d+$/.test(failure.code) ? 'http_error' : undefined;
  return key && translate(errorMessages, locale)(key, paramsOf(failure));
}

/**
 * Any failure as one sentence for the UI: an ApiError by its code (its server message only when
 * the code is unknown), anything else by its message.
 */
export function errorText(error: unknown, locale: Locale): string {
  if (isApiError(error)) return codedErrorText(error, locale) ?? error.serverMessage;
  return error instanceof Error ? error.message : String(error);
}

/** `const describe = useErrorText(); describe(error)` in a component; re-renders when the language changes. */
export function useErrorText(): (error: unknown) => string {
  const locale = useLocale((state) => state.locale);
  return (error) => errorText(error, locale);
}
