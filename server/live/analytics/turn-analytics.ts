import { eventText } from '../../../runtime/core/event-text.ts';
import type { InboundEvent, Session, TurnResult } from '../../../runtime/core/types.ts';
import { STATUS_RANK } from '../live-store.ts';
import { CounterBatch, hourOf, type CounterIncrement } from './counters.ts';

/** Where a run stands: open (with the bot), handoff (with a person now), or how it ended. */
export type RunOutcome = 'open' | 'handoff' | 'completed' | 'abandoned' | 'errored';

/**
 * One run of a flow with a contact, as analytics follows it (docs/analytics.md §1): kept as JSON on
 * the conversation (so the next turn knows it without a read) and copied to conversation_runs.
 */
export interface RunState {
  /** The conversation_runs row; absent until the store inserts it. */
  id?: number;
  flowId: string;
  flowVersion: number;
  outcome: RunOutcome;
  handedOff: boolean;
  lastNodeId: string | null;
  /** Nodes entered, in order, at most MAX_PATH of them. */
  path: string[];
  startedAt: number;
  updatedAt: number;
  endedAt: number | null;
  /** While with a person: when the handoff began, and when an agent first answered. */
  handoffAt?: number;
  agentAnsweredAt?: number;
}

/** A run's path longer than this keeps its first nodes only (a loop must not grow the row forever). */
export const MAX_PATH = 300;
/** Invalid answers are counted by their first characters, lower-cased with spaces collapsed (so `Hola` and ` hola ` count together). */
const ANSWER_KEY_LENGTH = 60;

export interface TurnAnalyticsInput {
  flowId: string;
  version: number;
  phoneNumberId: string;
  /** The conversation as stored before the turn: its session, its run and when it last moved. */
  previous: { session: Session; run: RunState | null; updatedAt: number } | undefined;
  event: InboundEvent;
  result: TurnResult;
  /** The node that sent each reply stored (after the 24-hour window's substitutions). */
  replySenders: ReadonlyArray<string | null>;
  /** When the customer message that caused the turn arrived. */
  receivedAt?: number;
  /** The flow's CSAT variable (settings.csatVariable), read when the run completes. */
  csatVariable?: string;
  now: number;
}

export interface TurnAnalytics {
  counters: CounterIncrement[];
  /** The run after the turn. */
  run: RunState;
  /** A run the turn left behind unfinished (the session timed out or the customer restarted): abandoned. */
  abandoned?: RunState;
}

const isOpen = (run: RunState) => run.outcome === 'open' || run.outcome === 'handoff';

/**
 * What one turn adds to the counters and to its run: conversations started, completed, handed off,
 * abandoned, errored; per node entered, exits per output, answers and their wait, invalid answers,
 * replies queued, drop-offs. Pure: the store writes the result in the turn's own transaction.
 * Undefined when the turn moved nothing (a message kept for the agent, a stale timer).
 * @example analyseTurn({ flowId: 'pizzeria', version: 3, phoneNumberId, previous: undefined, event, result, replySenders: result.senders, now })
 */
export function analyseTurn(input: TurnAnalyticsInput): TurnAnalytics | undefined {
  const { result, previous, now } = input;
  const { session } = result;
  const before = previous?.session;
  const moved = result.trace.length > 0 || result.entered.length > 0 || result.messages.length > 0 || session.status !== before?.status;
  if (!moved) return undefined;
  const prior = previous?.run ?? null;
  const sameRun = prior !== null && before !== undefined && isOpen(prior) && prior.flowId === input.flowId
    && prior.flowVersion === input.version && session.startedAt === before.startedAt;
  const counts = new CounterBatch(input.flowId, input.version, hourOf(now));
  const extra: CounterIncrement[] = [];
  let abandoned: RunState | undefined;
  if (!sameRun && prior !== null && isOpen(prior)) {
    abandoned = abandon(prior, now);
    extra.push(...dropCounts(prior, now));
  }
  const run: RunState = sameRun ? { ...prior, path: [...prior.path] } : {
    flowId: input.flowId, flowVersion: input.version, outcome: 'open', handedOff: false, lastNodeId: null, path: [],
    startedAt: now, updatedAt: now, endedAt: null,
  };
  if (!sameRun) {
    counts.add('', 'started');
    counts.add('', 'number', input.phoneNumberId);
    if (input.receivedAt !== undefined && input.replySenders.length > 0) counts.add('', 'bot_first_response', '', now - input.receivedAt);
  }
  const wasHandoff = sameRun && before!.status === 'handoff';

  const answered = sameRun ? answeredNode(input, before!) : undefined;
  if (answered !== undefined) {
    counts.add(answered, 'answer', '', Math.max(0, now - previous!.updatedAt));
    const first = result.trace[0]!;
    const retried = first.output === undefined && session.nodeId === answered && session.retries > before!.retries;
    if (first.output === 'invalid' || retried) counts.add(answered, 'invalid', answerKey(input.event));
  }
  for (const entry of result.trace) if (entry.output !== undefined) counts.add(entry.nodeId, 'exit', entry.output);
  for (const nodeId of result.entered) {
    counts.add(nodeId, 'entered');
    if (run.path.length < MAX_PATH) run.path.push(nodeId);
  }
  for (const sender of input.replySenders) counts.add(sender ?? '', 'queued');

  if (session.status === 'handoff' && !wasHandoff) {
    if (!run.handedOff) counts.add('', 'handoff');
    run.handedOff = true;
    run.outcome = 'handoff';
    run.handoffAt = now;
    delete run.agentAnsweredAt;
  } else if (wasHandoff && session.status !== 'handoff') {
    if (run.handoffAt !== undefined) counts.add('', 'handling', '', now - run.handoffAt);
    run.outcome = 'open';
    delete run.handoffAt;
    delete run.agentAnsweredAt;
  }
  const expired = input.event.type === 'timer' && input.event.timer.action.type === 'expire';
  if (session.status === 'ended' && expired) {
    run.lastNodeId = before?.nodeId ?? run.lastNodeId;
    extra.push(...dropCounts(run, now));
    run.outcome = 'abandoned';
    run.endedAt = now;
    delete run.handoffAt;
    delete run.agentAnsweredAt;
  } else if (session.status === 'ended') {
    counts.add('', 'completed');
    if (!run.handedOff) counts.add('', 'contained');
    const score = input.csatVariable === undefined ? NaN : Number(session.variables[input.csatVariable]);
    if (input.csatVariable !== undefined && session.variables[input.csatVariable] !== '' && Number.isFinite(score)) {
      counts.add('', 'csat', '', Math.round(score));
    }
    run.outcome = 'completed';
    run.endedAt = now;
    run.lastNodeId = endNode(result) ?? run.lastNodeId;
  } else if (session.status === 'error') {
    counts.add('', 'errored');
    run.outcome = 'errored';
    run.endedAt = now;
    run.lastNodeId = session.error?.nodeId ?? session.nodeId ?? run.lastNodeId;
  } else {
    run.lastNodeId = session.nodeId ?? run.lastNodeId;
  }
  run.updatedAt = now;
  return { counters: [...counts.list(), ...extra], run, ...(abandoned ? { abandoned } : {}) };
}

/**
 * The node that received this turn's customer answer, if one did: the conversation was waiting
 * there with the bot, the event is the customer's, and it was neither a restart nor a handoff keyword.
 */
function answeredNode(input: TurnAnalyticsInput, before: Session): string | undefined {
  const { event, result } = input;
  if (before.status !== 'active' || before.nodeId === null) return undefined;
  if (event.type === 'timer' || event.type === 'handoff_resolved' || event.type === 'agent_replied') return undefined;
  if (result.session.handoff?.by === 'keyword') return undefined;
  return result.trace[0]?.nodeId === before.nodeId ? before.nodeId : undefined;
}

function answerKey(event: InboundEvent): string {
  const text = eventText(event);
  return text === undefined ? `[${event.type}]` : text.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, ANSWER_KEY_LENGTH);
}

function endNode(result: TurnResult): string | undefined {
  for (const effect of result.effects) if (effect.type === 'conversation_ended' && effect.nodeId !== null) return effect.nodeId;
  return undefined;
}

function abandon(run: RunState, now: number): RunState {
  const { handoffAt: _handoffAt, agentAnsweredAt: _answeredAt, ...rest } = run;
  return { ...rest, outcome: 'abandoned', endedAt: now, updatedAt: now };
}

/** An abandoned run: counted, and its last node marked as where the customer dropped off. */
function dropCounts(run: RunState, now: number): CounterIncrement[] {
  const counts = new CounterBatch(run.flowId, run.flowVersion, hourOf(now));
  counts.add('', 'abandoned');
  if (run.lastNodeId !== null) counts.add(run.lastNodeId, 'dropped');
  return counts.list();
}

/**
 * An agent's reply during a handoff: counted for the agent, and the first one of the handoff times
 * the agent's first response. Undefined when the conversation has no run (stored before analytics).
 */
export function analyseAgentReply(run: RunState | null, agent: string, now: number): { counters: CounterIncrement[]; run: RunState } | undefined {
  if (run === null) return undefined;
  const counts = new CounterBatch(run.flowId, run.flowVersion, hourOf(now));
  counts.add('', 'agent_replies', agent);
  const next = { ...run, updatedAt: now };
  if (run.handoffAt !== undefined && run.agentAnsweredAt === undefined) {
    counts.add('', 'agent_first_response', '', now - run.handoffAt);
    next.agentAnsweredAt = now;
  }
  return { counters: counts.list(), run: next };
}

/** Who sent a message, as its outbox row records it, and when it was queued. */
export interface MessageOrigin {
  flowId: string | null;
  flowVersion: number | null;
  nodeId: string | null;
  createdAt: number;
}

/** A status as stored before a webhook's, if any. */
export interface StoredStatus {
  status: string;
  pricingCategory: string | null;
}

/** The fields of a status webhook analytics reads. */
export interface IncomingStatus {
  status: string;
  errorCode: number | null;
  pricingCategory: string | null;
  billable: number | null;
}

const DELIVERY_STEPS = ['sent', 'delivered', 'read'] as const;

/**
 * What a status webhook adds to its message's node (counted in the hour the message was queued, so
 * a node's delivered never exceeds what it sent): each step of sent → delivered → read it moves the
 * message past (`read` implies delivered, which may never arrive), `failed` once with its error code,
 * and Meta's pricing category once. Nothing when the status does not move forward (the store keeps
 * the further one) or the message has no flow (sent before analytics existed).
 */
export function statusCounters(origin: MessageOrigin, stored: StoredStatus | undefined, next: IncomingStatus): CounterIncrement[] {
  if (origin.flowId === null || origin.flowVersion === null) return [];
  const before = stored === undefined ? 0 : STATUS_RANK[stored.status] ?? 0;
  const after = STATUS_RANK[next.status] ?? 0;
  if (after <= before) return [];
  const counts = new CounterBatch(origin.flowId, origin.flowVersion, hourOf(origin.createdAt));
  const nodeId = origin.nodeId ?? '';
  if (next.status === 'failed') counts.add(nodeId, 'failed', next.errorCode === null ? '' : String(next.errorCode));
  else {
    for (const step of DELIVERY_STEPS) {
      const rank = STATUS_RANK[step]!;
      if (rank > before && rank <= after) counts.add(nodeId, step);
    }
  }
  if (next.pricingCategory !== null && !stored?.pricingCategory) {
    counts.add(nodeId, 'priced', next.pricingCategory);
    if (next.billable === 1) counts.add(nodeId, 'billable', next.pricingCategory);
  }
  return counts.list();
}
