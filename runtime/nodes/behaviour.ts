import type { NodeKind, NodeOf } from '../../schema/index.ts';
import type { TurnContext } from '../core/turn-context.ts';
import type { CitedEntry, InboundEvent, Session } from '../core/types.ts';

/**
 * What running a node decided, as data (the core follows edges and sets the status):
 * `next` leaves through an output; `wait` stops the turn for the user's next message;
 * `handoff` stops it until an agent resolves; `end` ends the conversation.
 * `detail` goes into the trace (never a secret), and so do the knowledge entries a reply `cited`.
 */
export type Step =
  | { type: 'next'; output: string; detail?: string; cited?: CitedEntry[]; citedMessage?: number }
  | { type: 'wait'; detail?: string }
  | { type: 'handoff'; detail?: string }
  | { type: 'end'; detail?: string };

/** Most nodes decide at once; API calls and intent classification await a port. */
export type StepResult = Step | Promise<Step>;

/** How one node kind behaves. Registered once, in runtime/nodes/index.ts. */
export interface NodeBehaviour<K extends NodeKind> {
  /** The node is reached: send its messages, then move on or wait. */
  enter(node: NodeOf<K>, ctx: TurnContext): StepResult;
  /** The event that arrived while this node waited (only for nodes that wait). */
  receive?(node: NodeOf<K>, event: Exclude<InboundEvent, { type: 'timer' }>, ctx: TurnContext): StepResult;
  /**
   * The timers of the state "waiting at this node" (only for nodes that wait): each leaves through
   * `output` `afterMs` after the turn that left the conversation here, unless it moves on first.
   */
  timers?(node: NodeOf<K>, session: Session): NodeTimer[];
  /** The node reads the customer's words (questions, AI nodes): a voice note reaches it transcribed, or it asks to write. */
  readsText?: true;
}

/** A timer a waiting node sets: leave through `output` after `afterMs` (runtime/core/timers.ts). */
export interface NodeTimer {
  output: string;
  afterMs: number;
}

/** The `timeout` timer of a node with `timeoutSeconds` (menu, question, form, ai_intent). */
export function timeoutTimers(data: { timeoutSeconds?: number }): NodeTimer[] {
  return data.timeoutSeconds === undefined ? [] : [{ output: 'timeout', afterMs: Math.round(data.timeoutSeconds * 1000) }];
}

export function next(output: string, detail?: string): Step {
  return detail === undefined ? { type: 'next', output } : { type: 'next', output, detail };
}

export function wait(detail?: string): Step {
  return detail === undefined ? { type: 'wait' } : { type: 'wait', detail };
}
