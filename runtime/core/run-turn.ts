import { eventText } from './event-text.ts';
import { runtimeError } from './errors.ts';
import { flowIndex } from './flow-index.ts';
import { isKeyword } from './keywords.ts';
import { normalizeText } from './normalize-text.ts';
import { isSessionResumable, startSession } from './session.ts';
import { TurnContext } from './turn-context.ts';
import type { InboundEvent, Session, TurnInput, TurnResult } from './types.ts';
import { stopOnError, walk } from './walk.ts';

/**
 * One turn of a conversation: the flow, the stored session (or null) and one event in;
 * the new session, outbound messages, a trace of the nodes run and effects out.
 * Pure apart from the ports it is given: no clock, environment, network or storage.
 * An ended, failed or expired session (or one on another flow) starts afresh on `flow`.
 * @example const { session, messages } = await runTurn({ flow, session: null, event: { type: 'text', text: 'hola' },
 *   contact: { waId: '5491155550123', name: 'Ana' }, version: 3, now: Date.now(), ports })
 */
export async function runTurn(input: TurnInput): Promise<TurnResult> {
  const ctx = new TurnContext(input, openSession(input));
  const pending = input.event.type === 'handoff_resolved' ? resolveHandoff(ctx) : receiveUserMessage(ctx, input.event);
  // Only turns that reach an API call or a classifier wait for anything.
  if (pending !== undefined) await pending;
  return { session: ctx.session, messages: ctx.messages, trace: ctx.trace, effects: ctx.effects };
}

/** The turn's own copy of the stored session, or a fresh one. */
function openSession(input: TurnInput): Session {
  const stored = input.session;
  const index = flowIndex(input.flow);
  const resumable = stored !== null
    && isSessionResumable(stored, input.flow, input.now)
    && (stored.nodeId === null || index.node(stored.nodeId) !== undefined);
  if (!resumable) return startSession({ flow: input.flow, contact: input.contact, version: input.version, now: input.now });
  return { ...stored, contact: input.contact, variables: { ...stored.variables } };
}

function receiveUserMessage(ctx: TurnContext, event: InboundEvent): void | Promise<void> {
  const { session } = ctx;
  session.lastUserMessageAt = ctx.now;
  const text = eventText(event);
  if (text === undefined) delete session.lastText;
  else session.lastText = text;
  // While a person attends the conversation the bot stays quiet, even on keywords;
  // the server keeps the message for the agent.
  if (session.status === 'handoff') return;
  const { settings } = flowIndex(ctx.flow);
  const typed = event.type === 'text' ? normalizeText(event.text) : undefined;
  if (typed !== undefined && isKeyword(typed, settings.handoffKeywords)) {
    handOffByKeyword(ctx);
    return;
  }
  const waiting = session.nodeId === null ? undefined : flowIndex(ctx.flow).node(session.nodeId);
  if (waiting === undefined) return start(ctx);
  if (typed !== undefined && isKeyword(typed, settings.restartKeywords)) {
    restart(session, ctx.now);
    return start(ctx);
  }
  return walk(ctx, waiting, event);
}

function start(ctx: TurnContext): void | Promise<void> {
  const first = flowIndex(ctx.flow).node(ctx.flow.startNodeId);
  if (first === undefined) {
    stopOnError(ctx, ctx.flow.startNodeId, undefined, runtimeError('missing_node', ctx.flow.startNodeId));
    return;
  }
  return walk(ctx, first);
}

/** Back to the start with nothing remembered but the contact and the pinned version. */
function restart(session: Session, now: number): void {
  session.variables = {};
  session.nodeId = null;
  session.retries = 0;
  session.status = 'active';
  session.startedAt = now;
  delete session.flowToken;
  delete session.error;
  delete session.handoff;
}

/** A handoff keyword: status `handoff`, keeping the waiting node to re-prompt on resolve. */
function handOffByKeyword(ctx: TurnContext): void {
  const { session } = ctx;
  const nodeId = session.nodeId ?? ctx.flow.startNodeId;
  const node = flowIndex(ctx.flow).node(nodeId);
  session.status = 'handoff';
  session.handoff = { by: 'keyword', since: ctx.now };
  ctx.send({ type: 'text', text: ctx.texts.handoffKeyword });
  ctx.effects.push({ type: 'handoff_started', nodeId });
  if (node !== undefined) ctx.trace.push({ nodeId, type: node.type, detail: 'handoff keyword' });
}

/**
 * An agent hands the conversation back: a handoff node continues through `resolved`;
 * after a keyword handoff or a take-over the node that was waiting asks again (or the flow starts).
 * Does nothing when no handoff is open.
 */
function resolveHandoff(ctx: TurnContext): void | Promise<void> {
  const { session } = ctx;
  if (session.status !== 'handoff') return;
  const by = session.handoff?.by;
  session.status = 'active';
  delete session.handoff;
  const node = session.nodeId === null ? undefined : flowIndex(ctx.flow).node(session.nodeId);
  if (node === undefined) return start(ctx);
  if (by === 'keyword' || by === 'agent') return walk(ctx, node);
  return walk(ctx, node, { type: 'handoff_resolved' });
}
