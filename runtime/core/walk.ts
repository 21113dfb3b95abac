import type { FlowNode, NodeKind } from '../../schema/index.ts';
import { enterNode, receiveAtNode, type Step, type StepResult } from '../nodes/index.ts';
import { assertNever } from './assert-never.ts';
import { runtimeError } from './errors.ts';
import { flowIndex } from './flow-index.ts';
import type { TurnContext } from './turn-context.ts';
import type { InboundEvent } from './types.ts';

/** What a waiting node may receive: timers do not reach nodes, the core leaves through their output (leaveThrough). */
type UserOrAgentEvent = Exclude<InboundEvent, { type: 'timer' }>;

/**
 * Runs nodes from `from` until one waits, the conversation ends or the turn runs more
 * than `maxStepsPerTurn` nodes. With `event`, `from` is the waiting node receiving it;
 * without, `from` is entered. Synchronous until a node awaits a port (most turns never
 * do), then a promise: the bench measures each await.
 */
export function walk(ctx: TurnContext, from: FlowNode, event?: UserOrAgentEvent, stepsSoFar = 0): void | Promise<void> {
  const maxSteps = flowIndex(ctx.flow).settings.maxStepsPerTurn;
  let node: FlowNode | undefined = from;
  let receiving = event;
  for (let steps = stepsSoFar + 1; node !== undefined; steps++) {
    if (steps > maxSteps) {
      stopOnError(ctx, node.id, node.type, runtimeError('max_steps_exceeded', `more than ${maxSteps} nodes in one turn`));
      return;
    }
    const result = runNode(ctx, node, receiving);
    receiving = undefined;
    if (result instanceof Promise) return finishAsync(ctx, node, result, steps);
    node = result === undefined ? undefined : follow(ctx, node, result);
  }
}

/**
 * Leaves `node` through `output` without it receiving anything (a timer fell due), then runs on
 * from the node the output leads to.
 */
export function leaveThrough(ctx: TurnContext, node: FlowNode, output: string, detail: string): void | Promise<void> {
  const target = follow(ctx, node, { type: 'next', output, detail });
  if (target !== undefined) return walk(ctx, target, undefined, 1);
}

async function finishAsync(ctx: TurnContext, node: FlowNode, pending: Promise<Step>, steps: number): Promise<void> {
  let step: Step;
  try {
    step = await pending;
  } catch (error) {
    failNode(ctx, node, error);
    return;
  }
  const target = follow(ctx, node, step);
  if (target !== undefined) await walk(ctx, target, undefined, steps);
}

/** Enters the node, or gives it the event it waited for; undefined when it threw (recorded). */
function runNode(ctx: TurnContext, node: FlowNode, receiving: UserOrAgentEvent | undefined): StepResult | undefined {
  ctx.session.nodeId = node.id;
  if (receiving === undefined) {
    ctx.session.retries = 0;
    ctx.entered.push(node.id);
  }
  try {
    return receiving === undefined ? enterNode(node, ctx) : receiveAtNode(node, receiving, ctx);
  } catch (error) {
    failNode(ctx, node, error);
    return undefined;
  }
}

function failNode(ctx: TurnContext, node: FlowNode, error: unknown): void {
  stopOnError(ctx, node.id, node.type, runtimeError('node_failed', error instanceof Error ? error.message : String(error)));
}

/** Records the step in the trace and carries it out: the node to run next, if any. */
function follow(ctx: TurnContext, node: FlowNode, step: Step): FlowNode | undefined {
  ctx.trace.push({
    nodeId: node.id,
    type: node.type,
    ...(step.type === 'next' ? { output: step.output } : {}),
    ...(step.detail === undefined ? {} : { detail: ctx.redact(step.detail) }),
    ...(step.type === 'next' && step.cited !== undefined ? { cited: step.cited, ...(step.citedMessage === undefined ? {} : { citedMessage: step.citedMessage }) } : {}),
  });
  switch (step.type) {
    case 'wait':
      ctx.session.status = 'active';
      return undefined;
    case 'handoff':
      ctx.session.status = 'handoff';
      ctx.session.handoff = { by: 'node', since: ctx.now };
      return undefined;
    case 'end':
      endConversation(ctx, node.id);
      return undefined;
    case 'next': {
      const index = flowIndex(ctx.flow);
      const targetId = index.target(node.id, step.output);
      if (targetId === undefined) {
        endConversation(ctx, node.id);
        return undefined;
      }
      const target = index.node(targetId);
      if (target === undefined) stopOnError(ctx, node.id, node.type, runtimeError('missing_node', targetId));
      return target;
    }
    default:
      return assertNever(step, 'step');
  }
}

export function endConversation(ctx: TurnContext, nodeId: string): void {
  const { session } = ctx;
  session.status = 'ended';
  session.nodeId = null;
  delete session.flowToken;
  delete session.handoff;
  ctx.effects.push({ type: 'conversation_ended', nodeId });
}

/**
 * Stops the turn on an error: recorded on the session, as an `error` effect and in
 * the trace against the node, and the user gets a polite message instead of silence.
 */
export function stopOnError(
  ctx: TurnContext,
  nodeId: string,
  type: NodeKind | undefined,
  error: { code: string; message: string },
): void {
  const message = ctx.redact(error.message);
  ctx.session.status = 'error';
  ctx.session.nodeId = nodeId;
  ctx.session.error = { nodeId, code: error.code, message };
  ctx.effects.push({ type: 'error', nodeId, code: error.code, message });
  if (type !== undefined) ctx.trace.push({ nodeId, type, detail: message });
  ctx.send({ type: 'text', text: ctx.texts.turnFailed });
}
