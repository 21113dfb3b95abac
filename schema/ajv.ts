import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { FlowDocument } from './flow.ts';
import validateFast from './generated/validate-flow-fast.ts';
import validateFull from './generated/validate-flow-full.ts';

const compiled = {
  fast: validateFast as ValidateFunction<FlowDocument>,
  full: validateFull as ValidateFunction<FlowDocument>,
};

/**
 * The schema's validators, compiled ahead of time by `npm run schema:write` (ajv standalone:
 * no compiling at start-up, no `new Function`). `fast` stops at the first error; `full` collects
 * all of them for reporting. schema/flow-schema-file.test.ts fails when they are stale.
 */
export function flowValidators() {
  return compiled;
}

