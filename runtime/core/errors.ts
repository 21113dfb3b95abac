/** Every error the runtime core records on a session, trace or `error` effect. */
export const RUNTIME_ERRORS = {
  max_steps_exceeded: 'The turn ran more nodes than maxStepsPerTurn allows without waiting for the user (a loop?)',
  missing_node: 'An edge leads to a node that is not in the flow',
  node_failed: 'The node failed unexpectedly',
} as const;

export type RuntimeErrorCode = keyof typeof RUNTIME_ERRORS;

/**
 * The code and human message of one runtime error, with an optional detail appended.
 * @example runtimeError('missing_node', 'pago') // { code: 'missing_node', message: 'An edge leads ... flow: pago' }
 */
export function runtimeError(code: RuntimeErrorCode, detail?: string): { code: RuntimeErrorCode; message: string } {
  return { code, message: detail === undefined ? RUNTIME_ERRORS[code] : `${RUNTIME_ERRORS[code]}: ${detail}` };
}
