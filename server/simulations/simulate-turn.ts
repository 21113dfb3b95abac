import { runTurn } from '../../runtime/index.ts';
import { applyTimerEffects, isTimerCurrent, nextDueTimer } from '../../runtime/core/timers.ts';
import type { InboundEvent, RuntimeEffect, RuntimePorts, Session, SessionStatus, Timer, TraceEntry } from '../../runtime/core/types.ts';
import { adaptToLimits, OutboundLimitError, toGraphMessageBody, type Adaptation, type GraphMessageBody } from '../../runtime/whatsapp/index.ts';
import { customerMessageEvent, type NonAnswerKind } from '../../runtime/whatsapp/non-answer.ts';
import type { WebhookMessage } from '../../runtime/whatsapp/webhook-types.ts';
import type { AdvanceSimulation, PendingTimer } from '../../schema/api/simulations.ts';
import type { SimulationStore, StoredSimulation } from './simulation-store.ts';

/**
 * The most timers one answer fires: a flow whose reminder leads back to its question sets a new
 * timer each time, so advancing a day through a 2-second timeout would otherwise run 43,200 turns.
 */
export const MAX_FIRED_TIMERS = 100;

export interface SimulatedTurn {
  /** Timers that fell due and fired, in order, before the message or while time was advanced. */
  fired: PendingTimer[];
  /** Set when MAX_FIRED_TIMERS fired and the clock stopped at the last of them. */
  stoppedAfter?: number;
  /** The simulation's clock after the answer (ms since the epoch). */
  clock: number;
  /** The timers still pending, soonest first. */
  timers: PendingTimer[];
  /** The Graph API bodies live traffic would POST to /{phone_number_id}/messages. */
  messages: GraphMessageBody[];
  /** Messages the Graph API would refuse (a WhatsApp limit exceeded in a draft), with why. */
  undelivered: Array<{ code: string; message: string }>;
  /** What was adapted to fit WhatsApp's limits, exactly as the live path adapts it. */
  adaptations: Adaptation[];
  /** The customer's message was not an answer (a reaction, an edit…): recorded, the waiting node not run. */
  nonAnswer?: NonAnswerKind;
  trace: TraceEntry[];
  effects: RuntimeEffect[];
  variables: Record<string, unknown>;
  activeNodeId: string | null;
  status: SessionStatus;
}

export interface SimulateDeps {
  store: SimulationStore;
  ports: RuntimePorts;
  secrets: Readonly<Record<string, string>>;
  now: () => number;
}

/**
 * What a simulation is asked to do: take the customer's webhook message (an answer, or an event that is
 * not one), run another event (an agent handing back), or let time pass.
 */
export type SimulationStep = { message: WebhookMessage & { id: string } } | { event: InboundEvent } | { advance: AdvanceSimulation };

/**
 * One answer of a simulated conversation: the same runTurn as live traffic, with the same ports
 * (API calls and AI run as configured), but the bodies come back to the caller instead of going
 * to the Graph API. The simulation keeps its own clock (the real one plus however far time was
 * advanced, docs/time.md): the timers due by then fire first, each at its own time and in order,
 * as the live scheduler would have fired them; then the message, if any, is answered. The new
 * session, timers and clock are stored before returning.
 */
export async function simulate(deps: SimulateDeps, simulation: StoredSimulation, step: SimulationStep): Promise<SimulatedTurn> {
  const clock = deps.now() + simulation.clockOffsetMs;
  const target = 'advance' in step ? advanceTarget(clock, simulation.timers, step.advance) : clock;
  const playing: Playing = { session: simulation.session, timers: simulation.timers, turn: emptyTurn(simulation.session) };
  let due = nextDueTimer(playing.timers, target);
  while (due !== undefined && playing.turn.fired.length < MAX_FIRED_TIMERS) {
    const timer = due;
    playing.timers = playing.timers.filter((pending) => pending !== timer);
    // A stale timer (its state already left) does nothing: the live scheduler cancels it unfired.
    if (isTimerCurrent(playing.session, timer)) {
      playing.turn.fired.push(pendingTimer(timer));
      await play(deps, simulation, playing, { type: 'timer', timer }, timer.dueAt);
    }
    due = nextDueTimer(playing.timers, target);
  }
  // Stopped by the cap: the clock stands at the last timer fired, the rest wait for the next advance.
  const stopped = due !== undefined;
  const reached = stopped ? Math.max(clock, playing.turn.fired.at(-1)!.dueAt) : target;
  if ('event' in step) await play(deps, simulation, playing, step.event, clock);
  if ('message' in step) {
    // The live processor's rule (runtime/whatsapp/non-answer.ts): a reaction, an edit, a deletion… never answers.
    const taken = customerMessageEvent(step.message, playing.session !== null && playing.session.status !== 'ended');
    if (taken.answers) await play(deps, simulation, playing, taken.event, clock, step.message.id);
    else playing.turn.nonAnswer = taken.nonAnswer;
  }
  const clockOffsetMs = simulation.clockOffsetMs + (reached - clock);
  await deps.store.save(simulation.id, { session: playing.session, timers: playing.timers, clockOffsetMs }, deps.now());
  return {
    ...playing.turn, ...(stopped ? { stoppedAfter: playing.turn.fired.length } : {}),
    clock: reached, timers: pendingTimers(playing.timers),
  };
}

/** The simulation's pending timers as the API lists them, soonest first. */
export function pendingTimers(timers: readonly Timer[]): PendingTimer[] {
  return [...timers].sort((a, b) => a.dueAt - b.dueAt).map(pendingTimer);
}

function pendingTimer(timer: Timer): PendingTimer {
  const { action } = timer;
  return action.type === 'leave'
    ? { dueAt: timer.dueAt, kind: 'leave', nodeId: action.nodeId, output: action.output }
    : { dueAt: timer.dueAt, kind: 'expire', nodeId: null, output: null };
}

function advanceTarget(clock: number, timers: readonly Timer[], advance: AdvanceSimulation): number {
  if ('seconds' in advance) return clock + advance.seconds * 1000;
  const soonest = nextDueTimer(timers, Number.POSITIVE_INFINITY);
  return soonest === undefined ? clock : Math.max(clock, soonest.dueAt);
}

interface Playing {
  session: Session | null;
  timers: Timer[];
  turn: Omit<SimulatedTurn, 'clock' | 'timers' | 'stoppedAfter'>;
}

function emptyTurn(session: Session | null): Playing['turn'] {
  return {
    fired: [], messages: [], undelivered: [], adaptations: [], trace: [], effects: [],
    variables: session?.variables ?? {}, activeNodeId: session?.nodeId ?? null, status: session?.status ?? 'active',
  };
}

/** Runs one turn at `now` and adds what it said to the answer (its trace's message indexes shifted to match). */
async function play(
  deps: SimulateDeps, simulation: StoredSimulation, playing: Playing, event: InboundEvent, now: number, customerMessageId?: string,
): Promise<void> {
  const result = await runTurn({
    flow: simulation.document, session: playing.session, event, contact: simulation.contact,
    version: simulation.version, now, ports: deps.ports, secrets: deps.secrets,
  });
  playing.session = result.session;
  playing.timers = applyTimerEffects(playing.timers, result.timers);
  const { turn } = playing;
  const shift = turn.messages.length;
  turn.trace.push(...result.trace.map((entry) => (entry.citedMessage === undefined ? entry : { ...entry, citedMessage: entry.citedMessage + shift })));
  turn.effects.push(...result.effects);
  turn.variables = result.session.variables;
  turn.activeNodeId = result.session.nodeId;
  turn.status = result.session.status;
  for (const rendered of result.messages) {
    const { messages, adaptations } = adaptToLimits(rendered);
    turn.adaptations.push(...adaptations);
    for (const message of messages) {
      try {
        turn.messages.push(toGraphMessageBody(message, simulation.contact.waId, { localFormIds: true, ...(customerMessageId === undefined ? {} : { customerMessageId }) }));
      } catch (error) {
        if (!(error instanceof OutboundLimitError)) throw error;
        turn.undelivered.push({ code: error.code, message: error.message });
      }
    }
  }
}
