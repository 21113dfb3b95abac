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
  charla_outbox_uncertain_total: 'Graph API calls whose answer never came (timeout, reset): held for the grace period',
  charla_outbox_settled_by_status_total: 'Uncertain sends a status webhook showed were sent: not sent again',
  charla_outbox_window_closed_total: 'Messages held because the 24-hour window was closed (131047 or known closed), bot and agent',
  charla_outbox_fallback_on_refusal_total: 'Fallback templates sent because Meta refused a message for a closed window (131047)',
  charla_outbox_held_released_total: 'Held messages sent once the customer wrote again (the window reopened)',
  charla_non_answers_total: 'Reactions, edits, deletions, "chat opened" and other events recorded without running a turn',
  charla_business_app_takeovers_total: 'Conversations a person took over by writing from the WhatsApp Business app on the same number (smb_message_echoes)',
  charla_channel_pauses_total: 'Channels paused because the Graph API refused the channel itself (190, 368, 131031…)',
  charla_timers_fired_total: 'Timers whose turn ran (a timeout, a delay\'s end, an unanswered handoff, a session expiry)',
  charla_timers_cancelled_total: 'Timers that fell due after their conversation moved on: cancelled, not fired',
  charla_typing_indicators_total: 'Customer messages marked read with the typing indicator (on arrival, or while a delay waits)',
  charla_typing_indicator_failures_total: 'Read receipts (with or without the typing indicator) the Graph API refused or did not answer (best effort: not retried)',
  charla_read_receipts_total: 'Customer messages marked read without the typing indicator: their reply was out, or the receipt waited longer than Meta shows it',
  charla_read_receipts_merged_total: 'Read receipts not sent because a later message of the same contact took their place (its receipt marks the earlier ones read)',
  charla_timers_window_closed_total: 'Timer turns due after the 24-hour window closed with no fallback template: their messages recorded as not sent',
  charla_handoff_notifications_total: 'Handoff notifications accepted by CHARLA_HANDOFF_WEBHOOK_URL',
  charla_handoff_notification_failures_total: 'Handoff notifications given up on (refused, or too many attempts)',
  charla_conversations_started_total: 'Conversations the business started with a template (POST /api/flows/:id/start)',
} as const;

export type CounterName = keyof typeof COUNTERS;

/** Cumulative buckets in seconds, Prometheus style. */
class Histogram {
  private readonly counts: number[];
  private count = 0;
  private sum = 0;

  constructor(private readonly name: string, private readonly help: string, private readonly bounds: number[]) {
    this.counts = bounds.map(() => 0);
  }

  observe(seconds: number): void {
    this.count += 1;
    this.sum += seconds;
    this.bounds.forEach((bound, index) => {
      if (seconds <= bound) this.counts[index]! += 1;
    });
  }

  lines(): string[] {
    const { name } = this;
    return [
      `# HELP ${name} ${this.help}`, `# TYPE ${name} histogram`,
      ...this.bounds.map((bound, index) => `${name}_bucket{le="${bound}"} ${this.counts[index]}`),
      `${name}_bucket{le="+Inf"} ${this.count}`, `${name}_sum ${this.sum}`, `${name}_count ${this.count}`,
    ];
  }
}

/**
 * @example metrics.increment('charla_turns_total'); metrics.observeTurnLatency(0.004);
 */
export class LiveMetrics {
  private readonly counters = new Map<CounterName, number>();
  /** Seconds: from the webhook's arrival to the turn's commit. */
  private readonly turnLatency = new Histogram('charla_turn_latency_seconds', "From the webhook's arrival to the stored turn",
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);
  /** How late a timer fired: whatever blocks the event loop delays every webhook's answer by as much. */
  private readonly eventLoopLag = new Histogram('charla_event_loop_lag_seconds', 'How late a 20 ms timer fired (event-loop stalls)',
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1]);
  private readonly gauges = new Map<string, { help: string; read: () => number }>();

  increment(name: CounterName, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  value(name: CounterName): number {
    return this.counters.get(name) ?? 0;
  }

  observeTurnLatency(seconds: number): void {
    this.turnLatency.observe(seconds);
  }

  /**
   * Samples the event loop's lag every 20 ms until the returned function is called.
   * @example const stop = metrics.sampleEventLoopLag(); … stop();
   */
  sampleEventLoopLag(intervalMs = 20): () => void {
    let expected = performance.now() + intervalMs;
    const timer = setInterval(() => {
      const now = performance.now();
      this.eventLoopLag.observe(Math.max(0, now - expected) / 1000);
      expected = now + intervalMs;
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
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
    lines.push(...this.turnLatency.lines(), ...this.eventLoopLag.lines());
    return `${lines.join('\n')}\n`;
  }
}
