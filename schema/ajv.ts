import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { flowJsonSchema, type FlowDocument } from './flow.ts';

let compiled: { fast: ValidateFunction<FlowDocument>; full: ValidateFunction<FlowDocument> } | undefined;

/**
 * The compiled schema validators, built once (compiling costs ~100 ms).
 * `fast` stops at the first error; `full` collects all of them for reporting.
 */
export function flowValidators() {
  if (!compiled) {
    const schema = flowJsonSchema();
    const build = (allErrors: boolean) =>
      new Ajv2020({ discriminator: true, allErrors, strict: true }).compile<FlowDocument>(schema);
    compiled = { fast: build(false), full: build(true) };
  }
  return compiled;
}
