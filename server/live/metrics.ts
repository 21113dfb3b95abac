/**
 * The live path's counters and latency histogram, exposed in Prometheus text format (version 0.0.4)
 * by GET /metrics. Written by hand: a handful of series does not need prom-client. Counters start
 * at zero with the process, which Prometheus' rate() expects.
 */

const COUNTERS = {
  charla_webhooks_received_total: 'Signed webhook POSTs accepted',
  charla_webhooks_rejected_total: 'Webhook POSTs refused (bad signature, malformed, too large)',
  charla_inbound_messages_total: 'Customer messages stored for processing',
  charla_inbound_duplicates_total: 'Customer messages whose wamid was already stored',
  charla_statuses_total: 'Delivery status updates received',
  charla_turns_total: 'Runtime turns completed and stored',
  charla_turn_failures_total: 'Messages whose turn could not run (no live version, runtime error)',
  charla_outbox_sent_total: 'Messages accepted by the Graph API',
  charla_outbox_retried_total: 'Graph API calls that failed transiently and were rescheduled',
  charla_outbox_failed_total: 'Messages given up on (permanent error or too many attempts)',
  charla_outbox_resent_total: 'Messages in flight at a crash, sent again at start-up',
  charla_outbox_window_closed_total: 'Messages held because the 24-hour window was closed (131047 or known closed)',
  charla_channel_pauses_total: 'Channels paused because the Graph API refused the channel itself (190, 368, 131031…)',
  charla_handoff_notifications_total: 'Handoff notifications accepted by CHARLA_HANDOFF_WEBHOOK_URL',
  charla_handoff_notification_failures_total: 'Handoff notifications given up on (refused, or too many attempts)',
} as const;

export type CounterName = keyof typeof COUNTERS;

/** Seconds: from the webhook's arrival to the turn's commit. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * @example metrics.increment('charla_turns_total'); metrics.observeTurnLatency(0.004);
 */
export class LiveMetrics {
  private readonly counters = new Map<CounterName, number>();
  private readonly bucketCounts = LATENCY_BUCKETS.map(() => 0);
  private latencyCount = 0;
  private latencySum = 0;
  private readonly gauges = new Map<string, { help: string; read: () => number }>();

  increment(name: CounterName, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  value(name: CounterName): number {
    return this.counters.get(name) ?? 0;
  }

  observeTurnLatency(seconds: number): void {
    this.latencyCount += 1;
    this.latencySum += seconds;
    LATENCY_BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) this.bucketCounts[index]! += 1;
    });
  }

  /** A value read at scrape time (queue lengths). */
  gauge(name: string, help: string, read: () => number): void {
    this.gauges.set(name, { help, read });
  }

  exposition(): string {
    const lines: string[] = [];
    for (const [name, help] of Object.entries(COUNTERS) as Array<[CounterName, string]>) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name} ${this.value(name)}`);
    }
    for (const [name, { help, read }] of this.gauges) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${read()}`);
    }
    const histogram = 'charla_turn_latency_seconds';
    lines.push(`# HELP ${histogram} From the webhook's arrival to the stored turn`, `# TYPE ${histogram} histogram`);
    LATENCY_BUCKETS.forEach((bound, index) => lines.push(`${histogram}_bucket{le="${bound}"} ${this.bucketCounts[index]}`));
    lines.push(
      `${histogram}_bucket{le="+Inf"} ${this.latencyCount}`,
      `${histogram}_sum ${this.latencySum}`,
      `${histogram}_count ${this.latencyCount}`,
    );
    return `${lines.join('\n')}\n`;
  }
}
