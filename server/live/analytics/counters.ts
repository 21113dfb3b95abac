import type { MergedWrites } from '../group-commit.ts';

/**
 * The analytics counters (table flow_counters, docs/analytics.md §1): what each metric counts.
 * Conversation-wide metrics have node '' ; node metrics name the node. `total` sums milliseconds
 * (durations) or scores (CSAT), so an average is total / count.
 */
export const CONVERSATION_METRICS = ['started', 'completed', 'handoff', 'abandoned', 'errored', 'contained'] as const;
export type ConversationMetric = (typeof CONVERSATION_METRICS)[number];

export type CounterMetric =
  | ConversationMetric
  /** Conversation-wide, timed (total = ms): the bot's first reply, an agent's first reply in a handoff, a handoff's length. */
  | 'bot_first_response' | 'agent_first_response' | 'handling'
  /** Conversation-wide, total = the CSAT variable's value at the end. */
  | 'csat'
  /** Conversation-wide, key = the business number (phone_number_id): conversations started on it. */
  | 'number'
  /** Conversation-wide, key = the agent: replies sent by them. */
  | 'agent_replies'
  /** Node: entered; exit (key = output); dropped (abandoned there); answer (total = ms waited for it); invalid (key = the answer). */
  | 'entered' | 'exit' | 'dropped' | 'answer' | 'invalid'
  /** Node: messages it queued; of those, reported sent / delivered / read / failed (key = error code) by status webhooks. */
  | 'queued' | 'sent' | 'delivered' | 'read' | 'failed'
  /** Node: messages Meta priced (key = category); billable ones. */
  | 'priced' | 'billable';

export interface CounterIncrement {
  flowId: string;
  flowVersion: number;
  /** The UTC hour's start (ms). */
  hour: number;
  nodeId: string;
  metric: CounterMetric;
  key: string;
  count: number;
  total: number;
}

const HOUR_MS = 3_600_000;

/** The start of the UTC hour holding `at` (ms). */
export const hourOf = (at: number): number => Math.floor(at / HOUR_MS) * HOUR_MS;

/**
 * Collects one transaction's increments, adding those of the same row together so each row is
 * written once.
 * @example const counts = new CounterBatch('pizzeria', 3, now); counts.add('', 'started'); counts.list()
 */
export class CounterBatch {
  private readonly rows = new Map<string, CounterIncrement>();

  constructor(private readonly flowId: string, private readonly flowVersion: number, private readonly hour: number) {}

  add(nodeId: string, metric: CounterMetric, key = '', total = 0): void {
    const id = `${nodeId}\u0000${metric}\u0000${key}`;
    const row = this.rows.get(id);
    if (row) {
      row.count += 1;
      row.total += total;
    } else {
      this.rows.set(id, { flowId: this.flowId, flowVersion: this.flowVersion, hour: this.hour, nodeId, metric, key, count: 1, total });
    }
  }

  list(): CounterIncrement[] {
    return [...this.rows.values()];
  }
}

/**
 * The counters a group commit's pieces of work add, merged per row and written once per
 * transaction (GroupCommit.mergeWrites): in a batch of fifty turns of one flow, "started" or a
 * node's "entered" is one upsert instead of fifty. What a rolled-back piece staged is never written.
 * @example commit.mergeWrites(counters); commit.run(() => counters.stage(turnCounters));
 */
export class MergedCounters implements MergedWrites {
  private staged: CounterIncrement[] = [];
  private readonly kept = new Map<string, CounterIncrement>();

  constructor(private readonly writeRow: (row: CounterIncrement) => void) {}

  /** Adds `rows` to the transaction the calling piece of work runs in. */
  stage(rows: readonly CounterIncrement[]): void {
    this.staged.push(...rows);
  }

  keep(): void {
    for (const row of this.staged) {
      const id = `${row.flowId}\u0000${row.flowVersion}\u0000${row.hour}\u0000${row.nodeId}\u0000${row.metric}\u0000${row.key}`;
      const merged = this.kept.get(id);
      if (merged) {
        merged.count += row.count;
        merged.total += row.total;
      } else {
        this.kept.set(id, { ...row });
      }
    }
    this.staged = [];
  }

  drop(): void {
    this.staged = [];
  }

  write(): void {
    for (const row of this.kept.values()) this.writeRow(row);
    this.kept.clear();
  }

  reset(): void {
    this.staged = [];
    this.kept.clear();
  }
}
