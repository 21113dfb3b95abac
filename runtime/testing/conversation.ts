import type { FlowDocument } from '../../schema/index.ts';
import { runTurn } from '../core/run-turn.ts';
import type { Contact, InboundEvent, RuntimePorts, Session, TurnResult } from '../core/types.ts';
import { memoryPorts } from '../core/memory-ports.ts';

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
  const ports = options.ports ?? memoryPorts();
  const contact = options.contact ?? { waId: '5491155550123', name: 'Ana' };
  return {
    get session(): Session | null {
      return session;
    },
    /** The time of the last message sent. */
    get now(): number {
      return now;
    },
    /** One inbound event (a string is a text message), `afterMs` after the previous one. */
    async send(event: InboundEvent | string, afterMs = options.gapMs ?? 1000): Promise<TurnResult> {
      now += afterMs;
      const result = await runTurn({
        flow,
        session,
        event: typeof event === 'string' ? { type: 'text', text: event } : event,
        contact,
        version: options.version ?? 'draft',
        now,
        ports,
        ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
      });
      session = result.session;
      return result;
    },
  };
}
