import type { FlowDocument } from '../../schema/index.ts';
import { runTurn } from '../core/run-turn.ts';
import type { Contact, InboundEvent, RuntimePorts, Session, Timer, TurnResult } from '../core/types.ts';
import { memoryPorts } from '../core/memory-ports.ts';
import { applyTimerEffects, nextDueTimer } from '../core/timers.ts';

/** 2026-03-02 12:00 UTC: a fixed start so tests and goldens never read the clock. */
export const CONVERSATION_EPOCH = Date.UTC(2026, 2, 2, 12, 0, 0);

export interface ConversationOptions {
  contact?: Contact;
  ports?: RuntimePorts;
  secrets?: Record<string, string>;
  version?: number | 'draft';
  /** Milliseconds between two messages when `after` is not given. */
  gapMs?: number;
}

/**
 * A conversation with `flow` driven turn by turn, keeping the session between turns the
 * way the server does: for tests, golden conversations, the bench.
 * @example const chat = conversation(flow); await chat.send('hola'); chat.session.nodeId // 'menu_principal'
 */
export function conversation(flow: FlowDocument, options: ConversationOptions = {}) {
  let session: Session | null = null;
  let now = CONVERSATION_EPOCH;
  let timers: Timer[] = [];
  const ports = options.ports ?? memoryPorts();
  const contact = options.contact ?? { waId: '5491155550123', name: 'Ana' };
  const turn = async (event: InboundEvent): Promise<TurnResult> => {
    const result = await runTurn({
      flow, session, event, contact, version: options.version ?? 'draft', now, ports,
      ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
    });
    session = result.session;
    timers = applyTimerEffects(timers, result.timers);
    return result;
  };
  /** Fires, in order and each at its own time, the timers due by `until`; the clock ends at `until`. */
  const travel = async (until: number): Promise<TurnResult[]> => {
    const fired: TurnResult[] = [];
    for (let due = nextDueTimer(timers, until); due !== undefined; due = nextDueTimer(timers, until)) {
      timers = timers.filter((timer) => timer !== due);
      now = Math.max(now, due.dueAt);
      fired.push(await turn({ type: 'timer', timer: due }));
    }
    now = until;
    return fired;
  };
  return {
    get session(): Session | null {
      return session;
    },
    /** The conversation's clock: the time of the last message or timer. */
    get now(): number {
      return now;
    },
    /** The timers set and not yet fired, soonest first. */
    get timers(): readonly Timer[] {
      return [...timers].sort((a, b) => a.dueAt - b.dueAt);
    },
    /**
     * One inbound event (a string is a text message), `afterMs` after the previous one; timers that
     * fall due in between fire first, as they would live.
     */
    async send(event: InboundEvent | string, afterMs = options.gapMs ?? 1000): Promise<TurnResult> {
      await travel(now + afterMs);
      return turn(typeof event === 'string' ? { type: 'text', text: event } : event);
    },
    /** Lets `ms` pass with no message: the turns of the timers that fell due meanwhile. */
    wait(ms: number): Promise<TurnResult[]> {
      return travel(now + ms);
    },
  };
}
