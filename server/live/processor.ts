import type { FastifyBaseLogger } from 'fastify';
import type { Contact, InboundEvent, OutboundMessage, RuntimeEffect, RuntimePorts, Session, TurnResult } from '../../runtime/core/types.ts';
import { contactAddress } from '../../runtime/core/contact.ts';
import { renderTemplateMessage } from '../../runtime/core/template-message.ts';
import { startByBusiness } from '../../runtime/core/start-conversation.ts';
import { OutboundLimitError } from '../../runtime/whatsapp/errors.ts';
import { agentTextBody } from '../../runtime/whatsapp/outbound.ts';
import { settingsOf, type TemplateRef } from '../../schema/index.ts';
import { runTurn, takeOverSession } from '../../runtime/index.ts';
import { isTimerCurrent } from '../../runtime/core/timers.ts';
import { adaptToLimits } from '../../runtime/whatsapp/adapt.ts';
import { joinBurst, joinsBursts } from '../../runtime/core/burst.ts';
import { webhookMessageToEvent } from '../../runtime/whatsapp/inbound.ts';
import { referralOf } from '../../runtime/whatsapp/read-webhook.ts';
import { nonAnswerEvent, nonAnswerStartsConversation, type NonAnswerKind } from '../../runtime/whatsapp/non-answer.ts';
import type { WebhookMessage } from '../../runtime/whatsapp/webhook-types.ts';
import type { ResolvedChannel } from '../channels/repository.ts';
import { AppError } from '../errors.ts';
import type { FlowRepository } from '../flows/repository.ts';
import type { OutboxSender } from './outbox/outbox-sender.ts';
import { chooseFlow, type FlowChoice } from './choose-flow.ts';
import { BurstGatherer } from '../../runtime/hosting/burst-gatherer.ts';
import { ContactQueues } from './contact-queues.ts';
import { GraphBodyCache } from './graph-body-cache.ts';
import type { HandoffNotifier } from './handoff-notifier.ts';
import type {
  ContactKey, ConversationRow, ConversationStartRow, InboundPayload, InboundRow, LiveStore, OutboxItem, SharedWork, StoredAgentReply, StoredTurn, TimerRow,
  TurnToStore, UnsavedHandoffNotice,
} from './live-store.ts';
import { claimKey, type ContactClaims } from './contact-claims.ts';
import type { LiveMetrics } from './metrics.ts';
import { customerMessageTime, windowOpen } from './service-window.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { TimerScheduler, type TimerSchedulerSettings } from './timer-scheduler.ts';
import { analyseTurn, type RunState } from './analytics/turn-analytics.ts';

const WINDOW_CLOSED_REASON = 'window closed: the customer last wrote more than 24 hours ago and the flow has no fallback template; sent when they write again';
const AGENT_WINDOW_CLOSED_REASON = 'window closed: the customer last wrote more than 24 hours ago; sent when they write again';
const TIMER_WINDOW_CLOSED_REASON = 'window closed: a timer\'s message (a reminder, a timeout) fell due more than 24 hours after the customer last wrote and the flow has no fallback template; not sent';
/** How far back a timer turn looks for the customer's latest message to show "typing…" on. */
const RECENT_TURNS_FOR_TYPING = 20;
const FORM_NOT_PUBLISHED_REASON = 'form not published at Meta: bind the number again with its wabaId so the version\'s forms are published; not sent';

export interface ProcessorDeps {
  store: LiveStore;
  sender: OutboxSender;
  metrics: LiveMetrics;
  notifier: HandoffNotifier;
  log: FastifyBaseLogger;
  flows: FlowRepository;
  channelOf(phoneNumberId: string): Promise<ResolvedChannel | undefined>;
  /** The published Meta Flow id of each form node of a version on a WABA (docs/whatsapp.md §4). */
  formIdsOf(flowId: string, version: number, wabaId: string): Promise<Map<string, string>>;
  ports: () => RuntimePorts;
  /** Voice notes heard as text (a model endpoint is configured): downloads the audio with the number's token and transcribes it. */
  transcribeAudio?: (phoneNumberId: string, audio: { mediaId: string; mimeType?: string }) => Promise<string>;
  secrets: Readonly<Record<string, string>>;
  timers: TimerSchedulerSettings;
  now(): number;
  /** Keep the analytics counters and runs with each turn (on unless CHARLA_ANALYTICS=off). */
  analytics: boolean;
  /**
   * Several instances on one PostgreSQL (with `store.shared`): a contact's turns run only on the
   * instance holding its claim (docs/operations.md, Several instances).
   */
  claims?: ContactClaims;
  /** How old a pending message must be before any instance takes it over (its instance died); and how often they look. */
  stalledAfterMs?: number;
}

interface TurnRequest {
  /** Run again after losing the race to create the contact's conversation (turn()). */
  raced?: true;
  phoneNumberId: string;
  contact: Contact;
  event: InboundEvent;
  /**
   * `customerAt`: the message's own timestamp (Meta's clock), which opens the 24-hour window;
   * `joined`: the burst's other messages (settings.burstMilliseconds), processed with this one.
   */
  inbound?: { wamid: string; receivedAt: number; customerAt: number; joined?: string[] };
  /** Resolving a handoff (or firing a timer) resumes the pinned version even after the session timeout. */
  resume?: boolean;
  /** The stored timer this turn fires: marked fired in the turn's transaction. */
  firedTimerId?: number;
}

/** A conversation the business starts (POST /api/flows/:id/start), on the number bound to the flow. */
export interface StartRequest {
  flowId: string;
  phoneNumberId: string;
  contact: Contact;
  template: TemplateRef;
  variables: Record<string, unknown>;
  nodeId?: string;
  /** How the start is recorded: whose idempotency key (if any) and the request's hash. */
  record: Omit<NonNullable<TurnToStore['start']>, 'nodeId'>;
}

/**
 * Runs turns for stored customer messages: one at a time and in arrival order per contact,
 * contacts in parallel. Each turn's session, history, replies and the message's "processed" mark
 * are written in one transaction; a restart re-queues whatever is still pending.
 * @example processor.recover(); processor.accept(await storeWebhook(...));
 */
export class LiveProcessor {
  private readonly queues: ContactQueues;
  private readonly graphBodies = new GraphBodyCache();
  private readonly scheduler: TimerScheduler;
  private readonly bursts: BurstGatherer<{ row: InboundRow; contact: Contact }>;
  /** Per contact, typed messages whose burst setting is being read: later messages wait for them. */
  private readonly arriving = new Map<string, Promise<void>>();
  /** Several instances: the shared store and claims, when the processor runs as one of them. */
  private readonly shared: { work: SharedWork; claims: ContactClaims } | undefined;
  /** Several instances: contacts (claim keys) this instance is draining, and those to look at again when it ends. */
  private readonly draining = new Map<string, Promise<void>>();
  private readonly drainAgain = new Set<string>();
  private stalledSweep: NodeJS.Timeout | undefined;

  constructor(private readonly deps: ProcessorDeps) {
    this.queues = new ContactQueues((key, error) => deps.log.error({ err: error, contact: key }, 'live: turn failed'));
    this.bursts = new BurstGatherer((key, items) => this.queues.push(key, () => this.processInbound(items.map((item) => item.row), items.at(-1)!.contact)));
    this.scheduler = new TimerScheduler({ timers: deps.store.timers, log: deps.log, now: deps.now, fire: (row) => this.fireTimer(row) }, deps.timers);
    this.shared = deps.claims && deps.store.shared ? { work: deps.store.shared, claims: deps.claims } : undefined;
  }

  /** Queues the messages left pending by the last run and starts firing stored timers (start-up). */
  async recover(): Promise<void> {
    const pending = await this.deps.store.inbound.pending();
    if (pending.length > 0) this.deps.log.info({ count: pending.length }, 'live: resuming unprocessed messages');
    this.accept(pending);
    this.scheduler.start();
    if (this.shared) this.sweepStalled(this.shared.work, this.deps.stalledAfterMs ?? STALLED_AFTER_MS);
  }

  /** Stops firing timers (shutdown); the turns already queued finish. */
  async stop(): Promise<void> {
    clearTimeout(this.stalledSweep);
    this.stalledSweep = undefined;
    await this.scheduler.stop();
    await Promise.all(this.draining.values());
    await this.queues.idle();
  }

  /** Acknowledged messages to run: here, or with several instances by whoever holds each contact's claim. */
  accept(rows: InboundRow[]): void {
    if (!this.shared) {
      this.queueRows(rows);
      return;
    }
    const contacts = new Map(rows.map((row) => {
      const contact = { phoneNumberId: row.phoneNumberId, contactKey: row.contactKey ?? row.waId };
      return [claimKey(contact), contact];
    }));
    for (const contact of contacts.values()) this.drain(contact);
  }

  /**
   * Several instances: runs the contact's pending messages, whichever instance stored them, in
   * arrival order, while holding its claim. An instance that finds the claim taken leaves its
   * messages to the holder, which looks for more after letting go: a message stored while it
   * held the claim is found then, so none waits for the stalled sweep.
   */
  private drain(contact: ContactKey): void {
    const key = claimKey(contact);
    if (this.draining.has(key)) {
      this.drainAgain.add(key);
      return;
    }
    const run = this.drainClaimed(this.shared!, contact, key)
      .catch((error: unknown) => this.deps.log.error({ err: error, contact: key }, 'live: could not run a contact\'s pending messages; the stalled sweep tries again'))
      .finally(() => this.draining.delete(key));
    this.draining.set(key, run);
  }

  private async drainClaimed(shared: { work: SharedWork; claims: ContactClaims }, contact: ContactKey, key: string): Promise<void> {
    // A message whose turn failed stays pending (its failure could not be recorded): not retried in a loop here.
    const taken = new Set<string>();
    const untaken = async () => (await shared.work.pendingOf(contact)).filter((row) => !taken.has(row.wamid));
    for (;;) {
      this.drainAgain.delete(key);
      if (!(await shared.claims.tryClaim(key))) return;
      try {
        const rows = await untaken();
        for (const row of rows) taken.add(row.wamid);
        await Promise.all([...this.queueRows(rows)].map((localKey) => this.settled(localKey)));
      } finally {
        await shared.claims.release(key);
      }
      // Looked for after letting go, not before: a message another instance stored meanwhile, finding the claim held, is seen here.
      if (!this.drainAgain.has(key) && (await untaken()).length === 0) return;
    }
  }

  /** Resolves once nothing of the contact (local queue key) is arriving, gathering in a burst or queued. */
  private async settled(localKey: string): Promise<void> {
    for (;;) {
      const arriving = this.arriving.get(localKey);
      if (arriving) await arriving;
      await this.bursts.releasedOf(localKey);
      await this.queues.idleOf(localKey);
      if (!this.arriving.has(localKey) && !this.queues.has(localKey)) return;
    }
  }

  /** Several instances: every so often, contacts whose messages wait too long (their instance died) are drained here. */
  private sweepStalled(work: SharedWork, afterMs: number): void {
    this.stalledSweep = setTimeout(() => {
      work.stalledContacts(this.deps.now() - afterMs, STALLED_SWEEP_LIMIT)
        .then((contacts) => { for (const contact of contacts) this.drain(contact); })
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'live: could not look for stalled messages'))
        .finally(() => { if (this.stalledSweep) this.sweepStalled(work, afterMs); });
    }, afterMs);
  }

  /** Queues messages in this instance's contact queues; returns the queue keys they went to. */
  private queueRows(rows: InboundRow[]): Set<string> {
    const keys = new Set<string>();
    for (const row of rows) {
      const contact = contactOf(row);
      const key = claimKey({ phoneNumberId: row.phoneNumberId, contactKey: contact.userId ?? row.waId });
      keys.add(key);
      const earlier = this.arriving.get(key);
      if (earlier === undefined && !mayJoinBurst(row)) {
        this.bursts.flush(key);
        this.queues.push(key, () => this.processInbound([row], contact));
        continue;
      }
      // Typed text may gather into a burst: the flow's setting is read first, in arrival order per contact.
      const arrived = (earlier ?? Promise.resolve()).then(async () => {
        const burstMs = mayJoinBurst(row) ? await this.burstMillisecondsOf(row.phoneNumberId) : 0;
        if (burstMs > 0) return this.bursts.gather(key, { row, contact }, burstMs);
        this.bursts.flush(key);
        this.queues.push(key, () => this.processInbound([row], contact));
      }).catch((error: unknown) => {
        this.deps.log.error({ err: error, wamid: row.wamid }, 'live: could not read the flow\'s burst setting; answering the message alone');
        this.queues.push(key, () => this.processInbound([row], contact));
      }).finally(() => {
        if (this.arriving.get(key) === arrived) this.arriving.delete(key);
      });
      this.arriving.set(key, arrived);
    }
    return keys;
  }

  /** settings.burstMilliseconds of the live version of the number's flow (0: answer each message). */
  private async burstMillisecondsOf(phoneNumberId: string): Promise<number> {
    const flowId = (await this.deps.channelOf(phoneNumberId))?.flowId;
    const live = flowId === undefined ? undefined : await this.deps.flows.getLiveFlow(flowId);
    return live === undefined ? 0 : settingsOf(live.document).burstMilliseconds;
  }

  /** Customers with messages arriving, gathering, queued or being processed. */
  get busyContacts(): number {
    return this.queues.activeContacts + this.bursts.gathering + this.arriving.size + this.draining.size;
  }

  async idle(): Promise<void> {
    await Promise.all(this.draining.values());
    await Promise.all(this.arriving.values());
    await this.bursts.released();
    return this.queues.idle();
  }

  /** Hands a conversation in handoff back to the bot (the handoff node's `resolved` output). */
  resolveHandoff(conversationId: number): Promise<TurnResult> {
    return this.inContactQueue(conversationId, async (conversation) => {
      if (conversation.status !== 'handoff') {
        throw new AppError('conversation_not_in_handoff', `Conversation ${conversationId} is not waiting for an agent`);
      }
      const contact = (JSON.parse(conversation.session) as Session).contact;
      const result = await this.turn({ phoneNumberId: conversation.phoneNumberId, contact, event: { type: 'handoff_resolved' }, resume: true });
      if (!result) throw new AppError('flow_not_published', 'The conversation\'s flow version is gone');
      return result;
    });
  }

  /**
   * An agent wrote to the customer from the inbox: a handoff node's `unanswered` timer is cancelled
   * (the core's `agent_replied` event), in the contact's queue like any turn.
   */
  agentReplied(conversationId: number): Promise<void> {
    return this.inContactQueue(conversationId, async (conversation) => {
      const session = JSON.parse(conversation.session) as Session;
      if (session.status !== 'handoff' || session.handoff?.answeredAt !== undefined) return;
      await this.turn({ phoneNumberId: conversation.phoneNumberId, contact: session.contact, event: { type: 'agent_replied' }, resume: true });
    });
  }

  /**
   * An agent writes from the inbox (docs/whatsapp.md §3). While the window is open the message is queued;
   * once it has closed it is held until the customer writes again, and the first one held goes after the
   * conversation's fallback template (its waiting node's, else the flow's), which asks the customer back;
   * nothing free-form is sent to be refused. In the contact's queue: a customer message releasing what
   * is held never races it.
   */
  agentMessage(conversationId: number, message: { text: string; replyTo?: string; agent: string }): Promise<StoredAgentReply & { held: boolean }> {
    return this.inContactQueue(conversationId, async (conversation) => {
      // Only a person attending the conversation writes: the bot would talk over them otherwise.
      if (conversation.status !== 'handoff') {
        throw new AppError('conversation_not_in_handoff', `Conversation ${conversation.id} is ${conversation.status}: take it over first`);
      }
      const now = this.deps.now();
      let body: string;
      try {
        body = JSON.stringify(agentTextBody(message.text, conversation.waId, message.replyTo));
      } catch (error) {
        throw new AppError('bad_request', (error as Error).message);
      }
      const { conversations } = this.deps.store;
      const reply = { body, agent: message.agent, now };
      if (windowOpen(conversation.lastUserMessageAt, now)) {
        // Kept with the message in case Meta finds the window closed all the same (131047).
        const fallbackOnRefusal = await this.fallbackBodyOf(conversation, now);
        const stored = await conversations.storeAgentReply(conversation, { ...reply, ...(fallbackOnRefusal === undefined ? {} : { fallbackOnRefusal }) });
        this.deps.sender.add(stored.queued);
        return { ...stored, held: false };
      }
      // One fallback template per closed window: later messages wait behind the first.
      const fallback = await conversations.heldCount(conversation.id) === 0 ? await this.fallbackBodyOf(conversation, now) : undefined;
      const stored = await conversations.storeAgentReply(conversation, { ...reply, held: AGENT_WINDOW_CLOSED_REASON, ...(fallback === undefined ? {} : { fallback }) });
      this.deps.sender.add(stored.queued);
      this.deps.metrics.increment('charla_outbox_window_closed_total');
      this.deps.log.warn({ conversationId, fallback: fallback !== undefined }, 'live: an agent wrote after the 24-hour window closed; the message is held until the customer writes');
      return { ...stored, held: true };
    });
  }

  /** The conversation's fallback template as a Graph API body, rendered with its variables; undefined when it has none. */
  private async fallbackBodyOf(conversation: ConversationRow, now: number): Promise<string | undefined> {
    const choice = await chooseFlow(conversation, conversation.flowId, this.deps.flows, now, { ignoreTimeout: true });
    if (!choice) return undefined;
    const session = choice.session ?? JSON.parse(conversation.session) as Session;
    return this.fallbackBody(choice, session, session.contact, conversation.waId);
  }

  /** The choice's fallback template (fallbackTemplateOf) rendered with the session's variables, as a Graph API body to `address`. */
  private fallbackBody(choice: FlowChoice, session: Session, contact: Contact, address: string): string | undefined {
    const fallback = fallbackTemplateOf(choice);
    if (!fallback) return undefined;
    return this.graphBodies.serialize(renderTemplateMessage(fallback, { variables: session.variables, contact, lastText: session.lastText }), address);
  }

  /** A person takes a conversation over from the bot: it goes to handoff, waiting where it was, and nothing is sent. */
  takeOver(conversationId: number): Promise<ConversationRow> {
    return this.inContactQueue(conversationId, async (conversation) => {
      if (conversation.status !== 'active') {
        throw new AppError('conversation_not_with_bot', `Conversation ${conversationId} is ${conversation.status}, not with the bot`);
      }
      const now = this.deps.now();
      const session = takeOverSession(JSON.parse(conversation.session) as Session, now);
      const { conversations } = this.deps.store;
      await conversations.storeSession(conversationId, { status: session.status, session: JSON.stringify(session), updatedAt: now });
      return (await conversations.byId(conversationId))!;
    });
  }

  /**
   * The business writes first: the template is queued (sent paced like every reply, within the number's
   * rate) and the conversation waits at the node the customer's reply goes to, on the flow's live version.
   * Runs in the contact's queue, so it never races their own messages. A start recorded under the same
   * idempotency key is answered again (same request) or refused (`idempotency_key_reused`), never repeated.
   */
  startConversation(request: StartRequest): Promise<StartOutcome> {
    const { phoneNumberId, contact } = request;
    return this.inQueue({ phoneNumberId, contactKey: contact.userId ?? contactAddress(contact) }, () => this.start(request));
  }

  private async start(request: StartRequest): Promise<StartOutcome> {
    const { store, metrics } = this.deps;
    const { record, phoneNumberId, contact } = request;
    const recorded = () => (record.idempotencyKey === null ? Promise.resolve(undefined) : store.starts.byKey(record.scope, record.idempotencyKey));
    const earlier = await recorded();
    if (earlier) return sameStart(earlier, record.requestHash);
    const live = await this.deps.flows.getLiveFlow(request.flowId);
    if (!live) throw new AppError('flow_not_published', `Flow "${request.flowId}" has no live version to start`);
    const conversation = await this.conversationOf(phoneNumberId, contact);
    const now = this.deps.now();
    if (conversation && await this.isRunning(conversation, now)) {
      throw new AppError('conversation_in_progress', undefined, { conversationId: conversation.id, status: conversation.status });
    }
    const nodeId = request.nodeId ?? live.document.startNodeId;
    if (!live.document.nodes.some((node) => node.id === nodeId)) {
      throw new AppError('node_not_found', `Version ${live.version} of "${request.flowId}" has no node "${nodeId}"`);
    }
    const result = startByBusiness({
      flow: live.document, version: live.version, previous: conversation ? JSON.parse(conversation.session) as Session : null,
      contact, template: request.template, variables: request.variables, nodeId, now,
    });
    const address = conversation?.waId ?? contactAddress(contact);
    let body: string;
    try {
      body = this.graphBodies.serialize(result.messages[0]!, address);
    } catch (error) {
      if (error instanceof OutboundLimitError) throw new AppError('bad_request', `The template breaks a WhatsApp limit: ${error.message}`);
      throw error;
    }
    let stored: Awaited<ReturnType<LiveStore['conversations']['storeTurn']>>;
    try {
      stored = await store.conversations.storeTurn({
        conversation, phoneNumberId, waId: address, ...knownIds(contact), contactName: contact.name ?? null,
        flowId: live.document.id, version: live.version, session: result.session, replies: [body], replyNodes: result.senders,
        // The business writing does not open the 24-hour window: only the customer's reply does.
        lastCustomerMessageAt: conversation?.lastUserMessageAt ?? 0,
        notices: [], timers: result.timers, start: { ...record, nodeId }, now,
      });
    } catch (error) {
      // Another start took the same key meanwhile (the database refused the second record).
      const raced = await recorded();
      if (raced) return sameStart(raced, record.requestHash);
      // The customer's own message (with their BSUID: another contact key) made the conversation first: start again,
      // which now finds it (and refuses, in progress) rather than making a second one.
      if (conversation === undefined && isUniqueViolation(error)) return this.start(request);
      throw error;
    }
    for (const effect of result.timers) if (effect.type === 'schedule_timer') this.scheduler.wakeAt(effect.timer.dueAt);
    this.deps.sender.add(stored.queued);
    metrics.increment('charla_conversations_started_total');
    return {
      requestHash: record.requestHash, conversationId: stored.conversationId, outboxId: stored.queued[0]!.id,
      flowId: live.document.id, flowVersion: live.version, phoneNumberId, nodeId, replayed: false,
    };
  }

  /** A conversation the bot or a person is still having: in handoff, or active and not timed out on its version. */
  private async isRunning(conversation: ConversationRow, now: number): Promise<boolean> {
    if (conversation.status === 'handoff') return true;
    if (conversation.status !== 'active') return false;
    return (await chooseFlow(conversation, conversation.flowId, this.deps.flows, now))?.session != null;
  }

  /** Runs `work` on the conversation as it is once the contact's earlier turns are done, so none runs meanwhile. */
  private async inContactQueue<T>(conversationId: number, work: (conversation: ConversationRow) => Promise<T>): Promise<T> {
    const queued = await this.deps.store.conversations.byId(conversationId);
    if (!queued) throw new AppError('conversation_not_found', `No conversation ${conversationId}`);
    return this.inQueue({ phoneNumberId: queued.phoneNumberId, contactKey: queued.userId ?? queued.waId },
      async () => work((await this.deps.store.conversations.byId(conversationId))!));
  }

  /**
   * Runs `work` in a contact's queue, after the turns before it, and settles with what it gives. With
   * several instances it first waits for the contact's claim (another instance's turn ends soon).
   */
  private async inQueue<T>(contact: ContactKey, work: () => Promise<T>): Promise<T> {
    const key = claimKey(contact);
    if (!this.shared) return this.inLocalQueue(key, work);
    try {
      return await this.shared.claims.withClaim(key, () => this.inLocalQueue(key, work));
    } finally {
      // Messages an instance left to the claim while this held it.
      this.drain(contact);
    }
  }

  private inLocalQueue<T>(key: string, work: () => Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      this.queues.push(key, async () => {
        try {
          resolve(await work());
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  /**
   * A stored timer fell due: its turn runs in the contact's queue, after the messages before it.
   * A timer whose conversation moved on (another state, ended) or is gone is cancelled, not fired.
   */
  private async fireTimer(row: TimerRow): Promise<void> {
    const { store, metrics, log } = this.deps;
    const cancel = async (why: string) => {
      metrics.increment('charla_timers_cancelled_total');
      log.info({ timerId: row.id, conversationId: row.conversationId, why }, 'live: timer cancelled, not fired');
      await store.timers.cancel(row.id);
    };
    const fired = await this.inContactQueue(row.conversationId, async (conversation) => {
      const session = JSON.parse(conversation.session) as Session;
      if (!isTimerCurrent(session, row.timer)) return false;
      const { contact } = session;
      const result = await this.turn({
        phoneNumberId: conversation.phoneNumberId, contact, event: { type: 'timer', timer: row.timer }, resume: true, firedTimerId: row.id,
      });
      return result !== undefined;
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'conversation_not_found') return false;
      throw error;
    });
    if (fired) metrics.increment('charla_timers_fired_total');
    else await cancel('the conversation moved on, ended or has no live version');
  }

  /** One customer message's turn, or one turn for a burst of text messages (their texts joined). */
  private async processInbound(rows: InboundRow[], contact: Contact): Promise<void> {
    const row = rows[0]!;
    const payload = row.decoded as InboundPayload;
    if (payload.echo) return this.recordEcho(row, contact);
    const nonAnswer = nonAnswerEvent(payload.message);
    if (nonAnswer && await this.recordNonAnswer(row, contact, nonAnswer)) return;
    const events = rows.map((each) => webhookMessageToEvent((each.decoded as InboundPayload).message as WebhookMessage));
    const event = nonAnswer?.event ?? (rows.length > 1 && events.every(joinsBursts) ? joinBurst(events) : events[0]!);
    try {
      const customerAt = Math.max(...rows.map((each) => customerMessageTime((each.decoded as InboundPayload).message as { timestamp?: unknown }, each.receivedAt)));
      const joined = rows.slice(1).map((each) => each.wamid);
      const result = await this.turn({
        phoneNumberId: row.phoneNumberId, contact, event,
        inbound: { wamid: row.wamid, receivedAt: row.receivedAt, customerAt, ...(joined.length > 0 ? { joined } : {}) },
      });
      if (!result) for (const each of rows) await this.markFailed(each, 'no live version to run: publish the channel\'s flow');
    } catch (error) {
      for (const each of rows) await this.markFailed(each, (error as Error).message);
      throw error;
    }
  }

  /**
   * Records a reaction, edit, deletion, "chat opened"… in a running conversation without running
   * its waiting node (docs/whatsapp.md §1). False when it should run a turn instead: a
   * `request_welcome` with no conversation running starts the welcome.
   */
  private async recordNonAnswer(row: InboundRow, contact: Contact, nonAnswer: { kind: NonAnswerKind; event: InboundEvent }): Promise<boolean> {
    const conversation = await this.conversationOf(row.phoneNumberId, contact);
    if (nonAnswerStartsConversation(nonAnswer.kind, conversation !== undefined && conversation.status !== 'ended')) return false;
    this.deps.metrics.increment('charla_non_answers_total');
    if (!conversation) {
      this.deps.log.info({ wamid: row.wamid, kind: nonAnswer.kind }, 'live: not an answer and no conversation to record it in; nothing to do');
      await this.deps.store.inbound.markFailed(row.wamid, `${nonAnswer.kind}: not an answer, and no conversation to record it in`);
      return true;
    }
    const session = JSON.parse(conversation.session) as Session;
    const newNumber = changedNumber((row.decoded as InboundPayload).message);
    if (newNumber !== undefined && !await this.deps.store.conversations.changeAddress(conversation.id, newNumber)) {
      this.deps.log.warn({ conversationId: conversation.id }, 'live: number changed to one that already has a conversation; kept apart');
    }
    await this.deps.store.conversations.storeTurn({
      conversation, phoneNumberId: row.phoneNumberId, waId: conversation.waId, ...knownIds(contact), contactName: contact.name ?? null,
      flowId: conversation.flowId, version: conversation.flowVersion, session,
      inbound: { wamid: row.wamid, event: nonAnswer.event, receivedAt: row.receivedAt }, replies: [], notices: [], now: this.deps.now(),
    });
    return true;
  }

  /**
   * The business answered from the WhatsApp Business app on the same number (coexistence): recorded in
   * the conversation, which a person has now taken over (handoff, resumable from the inbox like any other)
   * so the bot does not talk over them.
   */
  private async recordEcho(row: InboundRow, contact: Contact): Promise<void> {
    const conversation = await this.conversationOf(row.phoneNumberId, contact);
    if (!conversation) {
      await this.markFailed(row, 'message typed in the WhatsApp Business app to a contact with no conversation; nothing to pause');
      return;
    }
    const now = this.deps.now();
    const stored = JSON.parse(conversation.session) as Session;
    const session = conversation.status === 'active' ? takeOverSession(stored, now) : stored;
    if (session !== stored) this.deps.metrics.increment('charla_business_app_takeovers_total');
    const { waId, name, ...ids } = contact;
    await this.deps.store.conversations.storeTurn({
      conversation, phoneNumberId: row.phoneNumberId, waId: conversation.waId, ...knownIds(ids), contactName: null,
      flowId: conversation.flowId, version: conversation.flowVersion, session,
      inbound: { wamid: row.wamid, event: { type: 'unsupported', detail: echoDetail((row.decoded as InboundPayload).message) }, receivedAt: row.receivedAt },
      replies: [], notices: [], now,
    });
  }

  /** The runtime's ports, hearing voice notes on this number when transcription is configured. */
  private portsFor(phoneNumberId: string): RuntimePorts {
    const ports = this.deps.ports();
    const transcribe = this.deps.transcribeAudio;
    return transcribe === undefined ? ports : { ...ports, transcribeAudio: (audio) => transcribe(phoneNumberId, audio) };
  }

  private async turn(request: TurnRequest): Promise<TurnResult | undefined> {
    const { store, flows, metrics, log, notifier } = this.deps;
    const { phoneNumberId, event, inbound } = request;
    const channel = await this.deps.channelOf(phoneNumberId);
    if (!channel) return undefined;
    const conversation = await this.conversationOf(phoneNumberId, request.contact);
    // The ad a conversation came from stays known after its first message (contact.referral.*).
    const remembered = conversation && !request.contact.referral ? (JSON.parse(conversation.session) as Session).contact?.referral : undefined;
    const contact = remembered ? { ...request.contact, referral: remembered } : request.contact;
    const now = this.deps.now();
    const choice = await chooseFlow(conversation, channel.flowId, flows, now, { ignoreTimeout: request.resume === true });
    if (!choice) return undefined;
    // "typing…" while the bot prepares its answer (settings.typingIndicator, docs/time.md); not in a handoff, where nobody answers yet.
    const typing = settingsOf(choice.flow).typingIndicator;
    const latestWamid = inbound && (inbound.joined?.at(-1) ?? inbound.wamid);
    const typingOnArrival = typing && latestWamid !== undefined && choice.session?.status !== 'handoff';
    const receiptKey = claimKey({ phoneNumberId, contactKey: contact.userId ?? contact.waId });
    if (typingOnArrival) this.deps.sender.showTyping(phoneNumberId, receiptKey, latestWamid);
    const result = await runTurn({
      flow: choice.flow, session: choice.session, event, contact, version: choice.version, now,
      ports: this.portsFor(phoneNumberId), secrets: this.deps.secrets,
    });
    // A conversation keeps the address it began with (Meta prefers the phone number when it had one).
    const address = conversation?.waId ?? contactAddress(contact);
    const lastCustomerMessageAt = Math.max(inbound?.customerAt ?? 0, conversation?.lastUserMessageAt ?? 0);
    const window = this.windowFor(result, choice, contact, lastCustomerMessageAt, now, event.type === 'timer');
    // The customer wrote within the window: what was held for it goes now, before this turn's replies.
    const releaseHeld = inbound !== undefined && windowOpen(inbound.customerAt, now);
    const outgoing = await this.withFormIds(window.messages, choice, channel);
    // Meta opens only published Flows, by id: a form without one waits (held) instead of being sent to fail.
    const unpublishedForm = outgoing.some((message) => message.type === 'form' && message.flowId === undefined);
    if (unpublishedForm) log.error({ flowId: choice.flow.id, version: choice.version, phoneNumberId }, `live: ${FORM_NOT_PUBLISHED_REASON}`);
    const replies: string[] = [];
    const replyNodes: Array<string | null> = [];
    outgoing.forEach((rendered, index) => {
      if (unpublishedForm && rendered.type === 'form') {
        replies.push(this.graphBodies.serialize({ ...rendered, flowId: rendered.flowName }, address));
        replyNodes.push(window.senders[index] ?? null);
        return;
      }
      // Variables can make a message longer than WhatsApp allows: adapted as in the simulator, never dropped.
      const { messages, adaptations } = adaptToLimits(rendered);
      if (adaptations.length > 0) log.info({ flowId: choice.flow.id, version: choice.version, adaptations }, 'live: reply adapted to WhatsApp\'s limits');
      for (const message of messages) {
        try {
          replies.push(this.graphBodies.serialize(message, address, inbound?.wamid));
          replyNodes.push(window.senders[index] ?? null);
        } catch (error) {
          // What cannot be adapted (an empty text, a bad link) is a bug to surface, not to send.
          log.error({ err: error, flowId: choice.flow.id, version: choice.version }, 'live: reply breaks a WhatsApp limit; not sent');
        }
      }
    });
    if (window.withheld === 'held' && replies.length > 0) {
      metrics.increment('charla_outbox_window_closed_total', replies.length);
      log.warn({ flowId: choice.flow.id, phoneNumberId, replies: replies.length }, 'live: the 24-hour window is closed and the flow has no fallback template; replies held until the customer writes');
    }
    if (window.withheld === 'not_sent') {
      metrics.increment('charla_timers_window_closed_total');
      log.warn({ flowId: choice.flow.id, version: choice.version, phoneNumberId, nodeId: result.session.nodeId, messages: replies.length, trace: result.trace.map((entry) => entry.detail) },
        'live: a timer turn fell due after the 24-hour window closed and the flow has no fallback template; its messages were recorded, not sent');
    }
    // Sent free-form, the replies keep the fallback template in case Meta finds the window closed all the same (131047).
    const fallbackOnRefusal = window.freeForm && replies.length > 0 && !unpublishedForm ? this.fallbackBody(choice, result.session, contact, address) : undefined;
    const handoffs = result.effects.filter((effect): effect is HandoffStarted => effect.type === 'handoff_started');
    // In the turn's own transaction: a crash cannot keep the handoff and lose its notice.
    const notices = notifier.enabled
      ? handoffs.map((effect) => handoffNotice(effect, request, choice, now))
      : [];
    const analytics = this.deps.analytics ? analyseTurn({
      flowId: choice.flow.id, version: choice.version, phoneNumberId, event, result, replySenders: replyNodes, now,
      previous: conversation && {
        session: JSON.parse(conversation.session) as Session, updatedAt: conversation.updatedAt,
        run: conversation.run === null ? null : JSON.parse(conversation.run) as RunState,
      },
      ...(inbound ? { receivedAt: inbound.receivedAt } : {}),
      ...(settingsOf(choice.flow).csatVariable !== undefined ? { csatVariable: settingsOf(choice.flow).csatVariable } : {}),
    }) : undefined;
    const toStore: TurnToStore = {
      conversation, phoneNumberId, waId: address, ...knownIds(contact), contactName: contact.name ?? null, flowId: choice.flow.id,
      version: choice.version, session: result.session,
      ...(inbound ? { inbound: { ...inbound, event } } : {}), replies, replyNodes, notices, now, lastCustomerMessageAt,
      ...withheldAs(window.withheld, unpublishedForm), releaseHeld, ...(fallbackOnRefusal === undefined ? {} : { fallbackOnRefusal }),
      timers: result.timers, ...(request.firedTimerId !== undefined ? { firedTimerId: request.firedTimerId } : {}),
      ...(analytics ? { analytics } : {}),
    };
    let stored: StoredTurn;
    try {
      stored = await store.conversations.storeTurn(toStore);
    } catch (error) {
      // A start by phone number (another contact key) made the contact's conversation meanwhile: the turn runs
      // again on it, so the contact stays one conversation (docs/whatsapp.md §1, Business-scoped user ids).
      if (conversation === undefined && !request.raced && isUniqueViolation(error)) return this.turn({ ...request, raced: true });
      throw error;
    }
    for (const effect of result.timers) if (effect.type === 'schedule_timer') this.scheduler.wakeAt(effect.timer.dueAt);
    if (notices.length > 0) notifier.wake();
    this.deps.sender.add(stored.queued);
    if (typingOnArrival) this.deps.sender.repliedTo(phoneNumberId, receiptKey, latestWamid, stored.queued);
    if (stored.released > 0) {
      metrics.increment('charla_outbox_held_released_total', stored.released);
      log.info({ conversationId: stored.conversationId, released: stored.released }, 'live: the customer wrote again; the messages held while the window was closed are sent');
    }
    const paused = result.effects.some((effect) => effect.type === 'typing_indicator');
    // A delay right after arrival, with nothing said before it, is already showing "typing…".
    if (typing && paused && window.withheld === undefined && !(typingOnArrival && stored.queued.length === stored.released)) {
      this.typingForDelay(phoneNumberId, receiptKey, stored.conversationId, latestWamid, stored.queued).catch((error: unknown) => {
        log.warn({ err: error, conversationId: stored.conversationId }, 'live: could not find the message to show the typing indicator on');
      });
    }
    metrics.increment('charla_turns_total');
    if (inbound) metrics.observeTurnLatency((now - inbound.receivedAt) / 1000);
    for (const effect of result.effects) this.carryOut(effect, choice);
    return result;
  }

  /**
   * A `delay` paused the conversation: "typing…" once the turn's replies are out (a message dismisses it),
   * on the customer's latest message: this turn's, or for a timer turn the last one stored. Shown once:
   * Meta keeps it up to 25 s and it is not repeated for a longer pause (docs/time.md, "The typing indicator").
   */
  private async typingForDelay(phoneNumberId: string, receiptKey: string, conversationId: number, wamid: string | undefined, after: OutboxItem[]): Promise<void> {
    const latest = wamid ?? (await this.deps.store.conversations.recent(conversationId, RECENT_TURNS_FOR_TYPING))
      .findLast((row) => row.direction === 'in' && row.wamid !== null)?.wamid;
    if (latest) this.deps.sender.showTyping(phoneNumberId, receiptKey, latest, after);
  }

  /**
   * What may go out: the turn's messages while the window is open; once closed, the fallback template
   * in their place (fallbackTemplateOf), else they are withheld: a reply to a customer's message is
   * `held` until the customer writes again, a timer turn's messages (a reminder, a session timeout:
   * moot once the customer writes) are recorded `not_sent`. Neither is sent to be refused with 131047.
   * The core already takes a timer turn's messages out past the window (a `window_closed` effect
   * carries them); Meta's timestamp may close it sooner.
   */
  private windowFor(result: TurnResult, choice: FlowChoice, contact: Contact, lastCustomerMessageAt: number, now: number, timerTurn: boolean):
    { messages: OutboundMessage[]; senders: ReadonlyArray<string | null>; withheld?: 'held' | 'not_sent'; freeForm?: true } {
    const { messages, senders } = result;
    const withheld = result.effects.find((effect) => effect.type === 'window_closed')?.withheld ?? [];
    const closed = withheld.length > 0 || (messages.length > 0 && !windowOpen(lastCustomerMessageAt, now));
    if (!closed) return { messages, senders, freeForm: true };
    const fallback = fallbackTemplateOf(choice);
    if (fallback) {
      const { variables, lastText } = result.session;
      // The template stands for the turn's messages: counted for the node that sent the first of them.
      return { messages: [renderTemplateMessage(fallback, { variables, contact, lastText })], senders: [senders[0] ?? null] };
    }
    if (timerTurn) return { messages: [...withheld, ...messages], senders: [], withheld: 'not_sent' };
    return { messages, senders, withheld: 'held' };
  }

  /** Forms go out by the Meta Flow id their version's form was published under on the number's WABA. */
  private async withFormIds(messages: OutboundMessage[], choice: FlowChoice, channel: ResolvedChannel): Promise<OutboundMessage[]> {
    if (!messages.some((message) => message.type === 'form' && message.flowId === undefined) || channel.wabaId === null) return messages;
    const ids = await this.deps.formIdsOf(choice.flow.id, choice.version, channel.wabaId);
    return messages.map((message) => (message.type === 'form' && message.flowId === undefined && ids.has(message.nodeId)
      ? { ...message, flowId: ids.get(message.nodeId)! }
      : message));
  }

  private carryOut(effect: RuntimeEffect, choice: FlowChoice): void {
    const { flow, version } = choice;
    switch (effect.type) {
      case 'handoff_started':
        return; // its notice was stored with the turn (turn())
      case 'error':
        this.deps.log.warn({ flowId: flow.id, version, nodeId: effect.nodeId, code: effect.code }, `live: ${effect.message}`);
        return;
      case 'conversation_ended':
        return;
      case 'typing_indicator':
        return; // shown after the turn's replies are sent (turn())
      case 'window_closed':
        return; // recorded with the turn (windowFor)
      default:
        effect satisfies never;
    }
  }

  /** The contact's conversation: by their business-scoped user id when the message carries one, else by address. */
  private conversationOf(phoneNumberId: string, contact: Contact): Promise<ConversationRow | undefined> {
    return this.deps.store.conversations.byContact(phoneNumberId, contactAddress(contact), contact.userId);
  }

  private async markFailed(row: InboundRow, error: string): Promise<void> {
    this.deps.metrics.increment('charla_turn_failures_total');
    this.deps.log.warn({ wamid: row.wamid, phoneNumberId: row.phoneNumberId, error }, 'live: message not processed');
    await this.deps.store.inbound.markFailed(row.wamid, error);
  }
}

type HandoffStarted = Extract<RuntimeEffect, { type: 'handoff_started' }>;

/**
 * The template that stands in once the window has closed: the waiting node's own fallbackTemplate
 * (the node whose reminder, answer or handoff this is), else the flow's (docs/templates.md §4).
 */
function fallbackTemplateOf(choice: FlowChoice): TemplateRef | undefined {
  const nodeId = choice.session?.nodeId;
  const waiting = nodeId == null ? undefined : choice.flow.nodes.find((node) => node.id === nodeId);
  return (waiting?.data as { fallbackTemplate?: TemplateRef } | undefined)?.fallbackTemplate ?? settingsOf(choice.flow).fallbackTemplate;
}

/** How a turn's replies are stored when they may not go now: held for the customer's next message, or never sent. */
function withheldAs(withheld: 'held' | 'not_sent' | undefined, unpublishedForm: boolean): Pick<TurnToStore, 'withheld'> {
  if (withheld === 'held') return { withheld: { state: 'held', reason: WINDOW_CLOSED_REASON } };
  if (withheld === 'not_sent') return { withheld: { state: 'not_sent', reason: TIMER_WINDOW_CLOSED_REASON } };
  return unpublishedForm ? { withheld: { state: 'not_sent', reason: FORM_NOT_PUBLISHED_REASON } } : {};
}

/** A start as recorded; `replayed` when an earlier request with the same idempotency key made it. */
export type StartOutcome = ConversationStartRow & { replayed: boolean };

/** A retry with a recorded idempotency key: the same request gets the same answer; another request under it is refused. */
function sameStart(recorded: ConversationStartRow, requestHash: string): StartOutcome {
  if (recorded.requestHash !== requestHash) throw new AppError('idempotency_key_reused', undefined, { conversationId: recorded.conversationId });
  return { ...recorded, replayed: true };
}

function handoffNotice(effect: HandoffStarted, turn: TurnRequest, choice: FlowChoice, now: number): UnsavedHandoffNotice {
  return {
    event: 'handoff_started', phoneNumberId: turn.phoneNumberId,
    waId: contactAddress(turn.contact), contactName: turn.contact.name ?? null, flowId: choice.flow.id, flowVersion: choice.version,
    nodeId: effect.nodeId, ...(effect.queue !== undefined ? { queue: effect.queue } : {}),
    ...(effect.note !== undefined ? { note: effect.note } : {}), at: now,
  };
}

/** Several instances: how long a message may wait pending before any instance takes it over (its own died), and how often they look. */
const STALLED_AFTER_MS = 5000;
const STALLED_SWEEP_LIMIT = 500;

/**
 * Who sent a stored message, from the message itself: its phone number (empty when withheld), its
 * business-scoped user id, and the profile's name and username. Leaves the payload parsed on the row.
 */
function contactOf(row: InboundRow): Contact {
  const payload = (row.decoded ??= JSON.parse(row.payload)) as InboundPayload;
  const message = (payload.message ?? {}) as { from?: unknown; from_user_id?: unknown; to?: unknown; to_user_id?: unknown };
  // An echo is the business's own message: the contact is whom it went to.
  const [from, fromUserId] = payload.echo ? [message.to, message.to_user_id] : [message.from, message.from_user_id];
  const waId = typeof from === 'string' ? from : '';
  const userId = typeof fromUserId === 'string' ? fromUserId : undefined;
  const referral = referralOf(message);
  return {
    ...(referral ? { referral } : {}),
    // Rows stored before BSUIDs existed have only the address, which was the phone number.
    waId: waId === '' && userId === undefined ? row.waId : waId,
    ...(userId === undefined ? {} : { userId }),
    ...(payload.username ? { username: payload.username } : {}),
    ...(payload.contactName ? { name: payload.contactName } : {}),
  };
}

/** Typed text (not a tap, file, form or a non-answer like an edit) may gather into a burst (settings.burstMilliseconds). */
function mayJoinBurst(row: InboundRow): boolean {
  const { message, echo } = row.decoded as InboundPayload;
  return !echo && !nonAnswerEvent(message) && joinsBursts(webhookMessageToEvent(message as WebhookMessage));
}

/** The new WhatsApp id a "number changed" system message gives (Meta: `system.wa_id`, formerly `new_wa_id`). */
function changedNumber(message: unknown): string | undefined {
  const system = (message as { type?: unknown; system?: { type?: unknown; wa_id?: unknown; new_wa_id?: unknown } } | undefined);
  if (system?.type !== 'system' || !/changed_number$/.test(String(system.system?.type))) return undefined;
  const waId = system.system?.wa_id ?? system.system?.new_wa_id;
  return typeof waId === 'string' && /^\d{1,20}$/.test(waId) ? waId : undefined;
}

function echoDetail(message: unknown): string {
  const echo = message as { type?: unknown; text?: { body?: unknown } };
  return `smb_message_echo: ${typeof echo.text?.body === 'string' ? echo.text.body : String(echo.type)}`;
}

function knownIds(contact: Pick<Contact, 'userId' | 'username'>): { userId: string | null; username: string | null } {
  return { userId: contact.userId ?? null, username: contact.username ?? null };
}
