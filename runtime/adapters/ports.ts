import { randomUUID } from 'node:crypto';
import type { RuntimePorts } from '../core/types.ts';
import type { RuntimeConfig } from './config.ts';
import { createHttpPort, type HttpPortOptions } from './http.ts';
import type { EmbeddingStore } from './knowledge-embeddings.ts';
import { classifyIntentOffline } from './intent-offline.ts';
import { createOpenAiClassifier } from './intent-openai.ts';
import { answerFromKnowledgeOffline } from './knowledge-offline.ts';
import { createOpenAiAnswerer } from './knowledge-openai.ts';

/**
 * The real ports for live traffic, the simulator and the CLI: guarded HTTP for
 * api_call nodes, intents and knowledge answers by OpenAI when a key is configured
 * (else the offline classifier and retriever), and unguessable form tokens. The server passes its
 * database as `embeddingStore`, so knowledge is not embedded again after a restart.
 * @example const ports = createRuntimePorts(runtimeConfigFromEnv(process.env));
 */
export function createRuntimePorts(
  config: RuntimeConfig,
  http: Partial<Omit<HttpPortOptions, 'allowPrivate'>> = {},
  stores: { embeddingStore?: EmbeddingStore } = {},
): RuntimePorts {
  return {
    http: createHttpPort({ ...http, allowPrivate: config.allowPrivateHttp }),
    classifyIntent: config.openai === undefined ? classifyIntentOffline : createOpenAiClassifier(config.openai),
    answerFromKnowledge: config.openai === undefined ? answerFromKnowledgeOffline : createOpenAiAnswerer({ ...config.openai, ...stores }),
    newToken: () => `ft_${randomUUID()}`,
  };
}
