export * from './common.ts';
export * from './registry.ts';
export * from './flow.ts';
export { flowValidators } from './ajv.ts';
