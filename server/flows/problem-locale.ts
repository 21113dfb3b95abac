import type { FastifyRequest } from 'fastify';
import type { ProblemLocale } from '../../schema/index.ts';

const LOCALES: readonly ProblemLocale[] = ['es', 'pt', 'en'];

/**
 * The language of problem messages: the first of `Accept-Language` that Charla speaks, else Spanish.
 * @example problemLocale(request) // 'pt' for `Accept-Language: pt-BR,pt;q=0.9`
 */
export function problemLocale(request: FastifyRequest): ProblemLocale {
  const header = request.headers['accept-language'] ?? '';
  for (const part of header.split(',')) {
    const primary = part.trim().slice(0, 2).toLowerCase();
    const locale = LOCALES.find((candidate) => candidate === primary);
    if (locale) return locale;
  }
  return 'es';
}
