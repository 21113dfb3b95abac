import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { FlowDocument, FlowEdge } from './flow.ts';
import * as parts from './generated/validate-flow-parts.ts';
import validateFast from './generated/validate-flow-fast.ts';
import validateFull from './generated/validate-flow-full.ts';
import type { FlowNode, NodeKind } from './registry.ts';

const compiled = {
  fast: validateFast as ValidateFunction<FlowDocument>,
  full: validateFull as ValidateFunction<FlowDocument>,
};

const compiledParts = {
  nodes: parts as unknown as Record<NodeKind, ValidateFunction<FlowNode>>,
  edge: parts.flow_edge as ValidateFunction<FlowEdge>,
};

/**
 * The schema's validators, compiled ahead of time by `npm run schema:write` (ajv standalone:
 * no compiling at start-up, no `new Function`). `fast` stops at the first error; `full` collects
 * all of them for reporting. schema/flow-schema-file.test.ts fails when they are stale.
 */
export function flowValidators() {
  return compiled;
}

/**
 * Validators of one node of each kind and of one edge, compiled the same way: when a document
 * breaks the schema, validateFlow still checks the nodes and edges that are sound on their own.
 */
export function partValidators() {
  return compiledParts;
}
