import type { GraphMessage, InboundMessage } from '../api/types.ts';
import type { FlowJson } from './flow-form/flow-json.ts';

/** A form the bot sent, resolved to its Flow JSON so the simulator can render it. */
export interface FormSource { flowJson: FlowJson; screen?: string; data?: Record<string, unknown> }

/** One bubble in the simulated chat. */
export type ChatEntry =
  /** `cited`: the knowledge entries an ai_answer reply came from, shown under it. */
  | { id: string; from: 'bot'; at: number; message: GraphMessage; form?: FormSource; cited?: Array<{ id: string; title: string }> }
  /**
   * `nonAnswer`: the server took it as an event that is not an answer (a reaction, an edit…), the waiting node not run.
   * `gathering`: a typed fragment waiting for the burst to end (settings.burstMilliseconds); `gathered`: on a
   * burst's last fragment, how many fragments went as one turn.
   */
  | { id: string; from: 'user'; at: number; message: InboundMessage; nonAnswer?: string; gathering?: boolean; gathered?: number }
  /** A line from the simulator itself (conversation ended, handed to a person, an error). */
  | { id: string; from: 'system'; at: number; text: string; tone: 'info' | 'error' };

let counter = 0;
/** Ids unique within the page, for React keys. */
export function entryId(): string {
  counter += 1;
  return `m${counter}`;
}
