import type { ProblemCode, ProblemParams } from '../problems.ts';

/**
 * What a node kind's `check` gets: a way to report a problem at a pointer relative to the
 * node's `data` (`/options/1/title`); validateFlow adds the node's place and id.
 */
export interface NodeCheckContext {
  report(code: ProblemCode, pointer: string, params?: ProblemParams): void;
}
