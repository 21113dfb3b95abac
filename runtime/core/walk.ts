import type { FlowNode, NodeKind } from '../../schema/index.ts';
import { enterNode, receiveAtNode, type Step } from '../nodes/index.ts';
import { assertNever } from './assert-never.ts';
import { runtimeError } from './errors.ts';
import { flowIndex } from './flow-index.ts';
import type { TurnContext } from './turn-context.ts';
import type { InboundEvent } from './types.ts';

/**
 * Runs nodes from `from` until one waits, the conversation ends or the turn runs more
 * than `maxStepsPerTurn` nodes. With `event`, `from` is the waiting node receiving it;
 * without, `from` is entered.
 */
export async function walk(ctx: TurnContext, from: FlowNode, event?: InboundEvent): Promise<void> {
  const index = flowIndex(ctx.flow);
  const maxSteps = index.settings.maxStepsPerTurn;
  let node = from;
  let receiving = event;
  for (let steps = 1; ; steps++) {
    if (steps > maxSteps) {
      stopOnError(ctx, node.id, node.type, runtimeError('max_steps_exceeded', `more than ${maxSteps} nodes in one turn`));
      return;
    }
    ctx.session.nodeId = node.id;
    if (receiving === undefined) ctx.session.retries = 0;
    let step: Step;
    try {
      const result = receiving === undefined ? enterNode(node, ctx) : receiveAtNode(node, receiving, ctx);
      step = result instanceof Promise ? await result : result;
    } catch (error) {
      stopOnError(ctx, node.id, node.type, runtimeError('node_failed', error instanceof Error ? error.message : String(error)));
      return;
    }
    receiving = undefined;
    ctx.trace.push({
      nodeId: node.id,
      type: node.type,
      ...(step.type === 'next' ? { output: step.output } : {}),
      ...(step.detail === undefined ? {} : { detail: ctx.redact(step.detail) }),
    });
    switch (step.type) {
      case 'wait':
        ctx.session.status = 'active';
        return;
      case 'handoff':
        ctx.session.status = 'handoff';
        ctx.session.handoff = { by: 'node' };
        return;
      case 'end':
        endConversation(ctx, node.id);
        return;
      case 'next': {
        const targetId = index.target(node.id, step.output);
        if (targetId === undefined) {
          endConversation(ctx, node.id);
          return;
        }
        const target = index.node(targetId);
        if (target === undefined) {
          stopOnError(ctx, node.id, node.type, runtimeError('missing_node', targetId));
          return;
        }
        node = target;
        break;
      }
      default:
        assertNever(step, 'step');
    }
  }
}

function endConversation(ctx: TurnContext, nodeId: string): void {
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
