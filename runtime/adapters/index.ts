export { createRuntimePorts } from './ports.ts';
export { runtimeConfigFromEnv, RuntimeConfigError, DEFAULT_OPENAI_MODEL, type RuntimeConfig } from './config.ts';
export { createHttpPort, HTTP_LIMITS, type HttpPortOptions } from './http.ts';
export { blockedAddressReason } from './address-policy.ts';
export { createOpenAiClassifier, type OpenAiIntentOptions } from './intent-openai.ts';
export { classifyIntentOffline, classifyOffline } from './intent-offline.ts';
export { measureIntentAccuracy, type IntentAccuracy } from './intent-accuracy.ts';
export { ADAPTER_ERRORS, type AdapterErrorCode } from './errors.ts';
