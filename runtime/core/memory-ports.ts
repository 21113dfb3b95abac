import type { AnswerRequest, AnswerResult, HttpRequest, HttpResponse, IntentRequest, IntentResult, RuntimePorts } from './types.ts';

/** Ports without I/O, for tests, golden conversations and the bench. */
export interface MemoryPortsOptions {
  http?: (request: HttpRequest) => HttpResponse | Promise<HttpResponse>;
  classifyIntent?: (request: IntentRequest) => IntentResult | Promise<IntentResult>;
  answerFromKnowledge?: (request: AnswerRequest) => AnswerResult | Promise<AnswerResult>;
  /** Prefix of the numbered tokens: `token-1`, `token-2`, … */
  tokenPrefix?: string;
}

/**
 * In-memory ports: HTTP, intents and knowledge answers by the given functions (by default every
 * request fails, no intent is found and no question is answered), tokens numbered so tests can predict them.
 * @example memoryPorts().newToken() // 'token-1'
 */
export function memoryPorts(options: MemoryPortsOptions = {}): RuntimePorts & { requests: HttpRequest[] } {
  let tokens = 0;
  const requests: HttpRequest[] = [];
  const prefix = options.tokenPrefix ?? 'token-';
  return {
    requests,
    async http(request) {
      requests.push(request);
      return options.http === undefined ? { ok: false, reason: 'no HTTP in memory ports' } : options.http(request);
    },
    async classifyIntent(request) {
      return options.classifyIntent === undefined
        ? { intent: null, confidence: 0, source: 'memory' }
        : options.classifyIntent(request);
    },
    async answerFromKnowledge(request) {
      return options.answerFromKnowledge === undefined
        ? { answer: null, entryIds: [], confidence: 0, source: 'memory' }
        : options.answerFromKnowledge(request);
    },
    newToken: () => `${prefix}${++tokens}`,
  };
}
