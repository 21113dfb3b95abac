/** The runtime package: the pure core, its contract, and (below) the WhatsApp converters and adapters. */
export { runTurn } from './core/run-turn.ts';
export { isSessionResumable, startSession, takeOverSession } from './core/session.ts';
export { renderTemplate, templateValue, type TemplateScope } from './core/template.ts';
export { RUNTIME_ERRORS, type RuntimeErrorCode } from './core/errors.ts';
export { nodeBehaviours } from './nodes/index.ts';
export { memoryPorts, type MemoryPortsOptions } from './core/memory-ports.ts';
export type * from './core/types.ts';
export * from './whatsapp/index.ts';
export * from './adapters/index.ts';
