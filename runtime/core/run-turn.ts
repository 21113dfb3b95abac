import { eventText } from './event-text.ts';
import { runtimeError } from './errors.ts';
import { flowIndex } from './flow-index.ts';
import { isKeyword } from './keywords.ts';
import { normalizeText } from './normalize-text.ts';
import { isSessionResumable, startSession } from './session.ts';
import { isTimerCurrent, isWindowClosed, settleTimers } from './timers.ts';
import { TurnContext } from './turn-context.ts';
import type { FlowNode } from '../../schema/index.ts';
import { readsText } from '../nodes/index.ts';
import type { InboundEvent, Session, Timer, TurnInput, TurnResult } from './types.ts';
import { endConversation, leaveThrough, stopOnError, walk } from './walk.ts';

/**
 * One turn of a conversation: the flow, the stored session (or null) and one event in;
 * the new session, outbound messages, a trace of the nodes run and effects out.
 * Pure apart from the ports it is given: no clock, environment, network or storage.
 * An ended, failed or expired session (or one on another flow) starts afresh on `flow`.
 * @example const { session, messages } = await runTurn({ flow, session: null, event: { type: 'text', text: 'hola' },
 *   contact: { waId: '5491155550123', name: 'Ana' }, version: 3, now: Date.now(), ports })
 */
export async function runTurn(input: TurnInput): Promise<TurnResult> {
  const { event } = input;
  if (event.type === 'timer') return fireTimer(input, event.timer);
  const ctx = new TurnContext(input, openSession(input));
  const statusBefore = ctx.session.status;
  const pending = event.type === 'handoff_resolved' ? resolveHandoff(ctx)
    : event.type === 'agent_replied' ? recordAgentReply(ctx)
    : receiveUserMessage(ctx, event);
  // Only turns that reach an API call or a classifier wait for anything.
  if (pending !== undefined) await pending;
  // A message kept for the agent, or a resolve with no handoff open, leaves the conversation where it was.
  const moved = ctx.trace.length > 0 || ctx.effects.length > 0 || ctx.session.status !== statusBefore;
  return finishTurn(ctx, moved);
}

function finishTurn(ctx: TurnContext, moved: boolean): TurnResult {
  const timers = moved ? settleTimers(ctx) : [];
  return { session: ctx.session, messages: ctx.messages, trace: ctx.trace, effects: ctx.effects, timers, entered: ctx.entered, senders: ctx.senders };
}

/** The turn's own copy of the stored session, or a fresh one (counting states on from the old one, so its timers stay stale). */
function openSession(input: TurnInput): Session {
  const stored = input.session;
  const index = flowIndex(input.flow);
  // An agent answering or handing back continues the conversation however long it waited (no session timeout).
  const byAgent = input.event.type === 'agent_replied' || input.event.type === 'handoff_resolved';
  const resumable = stored !== null
    && isSessionResumable(stored, input.flow, byAgent ? stored.lastUserMessageAt : input.now)
    && (stored.nodeId === null || index.node(stored.nodeId) !== undefined);
  if (!resumable) {
    const fresh = startSession({ flow: input.flow, contact: input.contact, version: input.version, now: input.now });
    return stored?.epoch === undefined ? fresh : { ...fresh, epoch: stored.epoch };
  }
  return { ...stored, contact: input.contact, variables: { ...stored.variables } };
}

/**
 * A timer fell due: a stale one (the conversation has moved on since it was set) does nothing;
 * `expire` ends the session; `leave` takes the waiting node's output (`timeout`, `unanswered`, a
 * delay's `next`). Its messages go out only while the customer's 24-hour window is open.
 */
async function fireTimer(input: TurnInput, timer: Timer): Promise<TurnResult> {
  const stored = input.session;
  const node = timer.action.type === 'leave' ? flowIndex(input.flow).node(timer.action.nodeId) : undefined;
  const current = isTimerCurrent(stored, timer) && (timer.action.type === 'expire' || (node !== undefined && stored?.nodeId === node.id));
  if (!current || stored === null) {
    const session = stored ?? startSession({ flow: input.flow, contact: input.contact, version: input.version, now: input.now });
    return { session, messages: [], trace: [], effects: [], timers: [], entered: [], senders: [] };
  }
  const ctx = new TurnContext(input, { ...stored, contact: input.contact, variables: { ...stored.variables } });
  const { session } = ctx;
  if (timer.action.type === 'expire') {
    const waiting = session.nodeId === null ? undefined : flowIndex(ctx.flow).node(session.nodeId);
    if (waiting !== undefined) ctx.trace.push({ nodeId: waiting.id, type: waiting.type, detail: 'session expired' });
    endConversation(ctx, session.nodeId ?? ctx.flow.startNodeId);
  } else if (node !== undefined) {
    // A handoff left through `unanswered` is the bot's again.
    if (session.status === 'handoff') {
      session.status = 'active';
      delete session.handoff;
    }
    const pending = leaveThrough(ctx, node, timer.action.output, `timer: ${timer.action.output}`);
    if (pending !== undefined) await pending;
    if (ctx.messages.length > 0 && isWindowClosed(session, ctx.now)) holdOutsideWindow(ctx, node.id);
  }
  return finishTurn(ctx, true);
}

/**
 * WhatsApp refuses free-form messages once the customer's 24-hour window has closed: a timer turn's
 * messages are held back (a `window_closed` effect carries them, and a trace entry says how many) rather than sent
 * to be refused; the live server records them as not sent (docs/whatsapp.md §3). A flow-level fallback template, when the format has one, is what goes out instead.
 */
function holdOutsideWindow(ctx: TurnContext, timerNodeId: string): void {
  const withheld = ctx.messages.splice(0);
  ctx.senders.length = 0;
  const node = flowIndex(ctx.flow).node(timerNodeId);
  if (node !== undefined) ctx.trace.push({ nodeId: node.id, type: node.type, detail: `the customer's 24-hour window has closed: ${withheld.length} message(s) not sent` });
  ctx.effects.push({ type: 'window_closed', nodeId: ctx.session.nodeId, count: withheld.length, withheld });
}

/** An agent wrote to the customer: a node's handoff is answered, so its `unanswered` timer goes. */
function recordAgentReply(ctx: TurnContext): void {
  const { session } = ctx;
  if (session.status !== 'handoff' || session.handoff?.by !== 'node' || session.handoff.answeredAt !== undefined) return;
  session.handoff.answeredAt = ctx.now;
  const node = session.nodeId === null ? undefined : flowIndex(ctx.flow).node(session.nodeId);
  if (node !== undefined) ctx.trace.push({ nodeId: node.id, type: node.type, detail: 'an agent answered' });
}

type UserMessage = Exclude<InboundEvent, { type: 'timer' | 'agent_replied' | 'handoff_resolved' }>;

function receiveUserMessage(ctx: TurnContext, event: UserMessage): void | Promise<void> {
  const { session } = ctx;
  const waitingNode = session.nodeId === null ? undefined : flowIndex(ctx.flow).node(session.nodeId);
  // A voice note for a node that reads words (or to start the flow) is heard as text, when it can be.
  if (event.type === 'media' && event.media === 'audio' && session.status !== 'handoff' && (waitingNode === undefined || readsText(waitingNode))) {
    return hearVoiceNote(ctx, event, waitingNode);
  }
  return receiveMessage(ctx, event);
}

function receiveMessage(ctx: TurnContext, event: UserMessage): void | Promise<void> {
  const { session } = ctx;
  session.lastUserMessageAt = ctx.now;
  const text = eventText(event);
  if (text === undefined) delete session.lastText;
  else session.lastText = text;
  if (event.type === 'order') session.variables.order = orderVariables(event);
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

/** What a flow reads of a catalog order as `{{order.*}}` (docs/flow-format.md, "Behaviour"). */
function orderVariables(order: Extract<InboundEvent, { type: 'order' }>): Record<string, unknown> {
  return {
    catalog_id: order.catalogId, text: order.text ?? '',
    items: order.items.map((item) => ({ product_retailer_id: item.productRetailerId, quantity: item.quantity, item_price: item.itemPrice, currency: item.currency })),
    item_count: order.items.reduce((count, item) => count + item.quantity, 0),
    total: order.items.reduce((total, item) => total + item.quantity * item.itemPrice, 0),
    currency: order.items[0]?.currency ?? '',
  };
}

/**
 * A voice note, transcribed through `ports.transcribeAudio`, goes on as the text it says (keywords
 * included). Without the port, or when transcription fails or hears nothing, a node waiting for words
 * asks the customer to write (runtime texts, es/pt/en) and keeps waiting; a conversation not yet
 * started starts as with any other message.
 */
async function hearVoiceNote(ctx: TurnContext, event: Extract<UserMessage, { type: 'media' }>, waiting: FlowNode | undefined): Promise<void> {
  let heard = '';
  let why = 'voice notes cannot be transcribed (no model endpoint)';
  if (ctx.ports.transcribeAudio !== undefined) {
    try {
      heard = (await ctx.ports.transcribeAudio({ mediaId: event.mediaId, ...(event.mimeType === undefined ? {} : { mimeType: event.mimeType }) })).trim();
      why = 'the voice note says nothing';
    } catch (error) {
      why = ctx.redact(`voice note not transcribed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (heard !== '') return receiveMessage(ctx, { type: 'text', text: heard });
  if (waiting === undefined) return receiveMessage(ctx, event);
  ctx.session.lastUserMessageAt = ctx.now;
  delete ctx.session.lastText;
  ctx.send({ type: 'text', text: ctx.texts.voiceNote });
  ctx.trace.push({ nodeId: waiting.id, type: waiting.type, detail: `${why}: asked to write` });
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
