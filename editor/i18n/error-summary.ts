import { isApiError } from '../api/api-error.ts';
import { errorText, listedProblems } from './error-text.ts';
import type { Locale } from './index.ts';

/**
 * One line for an API failure: its text, then the first problems when it listed `{ problems }` (a
 * 422 on create, import, publish or try). The server words problems in the request's
 * Accept-Language and each names its field; a node's problem starts with the node's id.
 * @example errorSummary(error, 'es') // 'El documento no cumple … (errores: 2). Falta un dato obligatorio: la versión de formato. «hola»: El mensaje no tiene texto…'
 */
export function errorSummary(error: unknown, locale: Locale, shown = 3): string {
  const text = errorText(error, locale);
  const problems = isApiError(error) ? listedProblems(error.details) : [];
  if (problems.length === 0) return text;
  const errorsFirst = [...problems.filter((problem) => problem.severity !== 'warning'), ...problems.filter((problem) => problem.severity === 'warning')];
  const listed = errorsFirst.slice(0, shown).map((problem) => sentence(`${problem.nodeId ? `«${problem.nodeId}»: ` : ''}${problem.message ?? ''}`));
  const more = problems.length > shown ? ` (+${problems.length - shown})` : '';
  return `${sentence(text)} ${listed.join(' ')}${more}`;
}

const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
