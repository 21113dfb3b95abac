import { nodeTimers } from '../nodes/index.ts';
import { flowIndex } from './flow-index.ts';
import type { TurnContext } from './turn-context.ts';
import type { Session, Timer, TimerEffect } from './types.ts';

/** How long after the customer's last message WhatsApp accepts free-form messages (docs/whatsapp.md §3). */
export const CUSTOMER_WINDOW_MS = 24 * 3_600_000;

/**
 * Whether firing `timer` still does something: the conversation is in the state the timer was
 * set in. A stale timer (the customer answered, the flow restarted or handed off since) is ignored;
 * the host may ask before running the turn and skip it.
 * @example isTimerCurrent(session, { dueAt, epoch: session.epoch ?? 0, action: { type: 'expire' } }) // true
 */
export function isTimerCurrent(session: Session | null, timer: Timer): boolean {
  return session !== null && (session.epoch ?? 0) === timer.epoch && session.status !== 'ended' && session.status !== 'error';
}

/** Whether the customer's 24-hour window is closed at `now`: free-form messages would be refused. */
export function isWindowClosed(session: Session, now: number): boolean {
  return now - session.lastUserMessageAt > CUSTOMER_WINDOW_MS;
}

/**
 * Ends a turn that moved the conversation: a new state (`epoch`), the timers of the state it left
 * cancelled, and the timers of the state it is in now set: the waiting node's (a `timeout`, a
 * delay's end, a handoff's `unanswered`) and, while the bot is in charge, the session's expiry.
 */
export function settleTimers(ctx: Pick<TurnContext, 'flow' | 'session' | 'now'>): TimerEffect[] {
  const { session } = ctx;
  const left = session.epoch ?? 0;
  session.epoch = left + 1;
  const effects: TimerEffect[] = [{ type: 'cancel_timers', epoch: left }];
  for (const timer of stateTimers(ctx)) effects.push({ type: 'schedule_timer', timer });
  return effects;
}

function stateTimers(ctx: Pick<TurnContext, 'flow' | 'session' | 'now'>): Timer[] {
  const { session, now } = ctx;
  const epoch = session.epoch ?? 0;
  const index = flowIndex(ctx.flow);
  const timers: Timer[] = [];
  const waiting = session.nodeId === null ? undefined : index.node(session.nodeId);
  const nodeInCharge = session.status === 'active' || (session.status === 'handoff' && session.handoff?.by === 'node');
  if (waiting !== undefined && nodeInCharge) {
    for (const { output, afterMs } of nodeTimers(waiting, session)) {
      timers.push({ dueAt: now + afterMs, epoch, action: { type: 'leave', nodeId: waiting.id, output } });
    }
  }
  if (session.status === 'active') {
    // isSessionResumable keeps a session up to and including its timeout: it expires a millisecond later.
    const dueAt = session.lastUserMessageAt + index.settings.sessionTimeoutMinutes * 60_000 + 1;
    timers.push({ dueAt, epoch, action: { type: 'expire' } });
  }
  return timers;
}

/**
 * A host's pending timers after a turn's timer effects: `cancel_timers` drops those of the state
 * left and any older one, `schedule_timer` adds one.
 * @example applyTimerEffects([], result.timers)
 */
export function applyTimerEffects(pending: readonly Timer[], effects: readonly TimerEffect[]): Timer[] {
  let timers = [...pending];
  for (const effect of effects) {
    if (effect.type === 'cancel_timers') timers = timers.filter((timer) => timer.epoch > effect.epoch);
    else timers.push(effect.timer);
  }
  return timers;
}

/** The soonest timer due by `until`, if any. */
export function nextDueTimer(timers: readonly Timer[], until: number): Timer | undefined {
  let soonest: Timer | undefined;
  for (const timer of timers) if (timer.dueAt <= until && (soonest === undefined || timer.dueAt < soonest.dueAt)) soonest = timer;
  return soonest;
}
