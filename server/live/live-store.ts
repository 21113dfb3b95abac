import type { InboundEvent, Session, Timer, TimerEffect } from '../../runtime/core/types.ts';
import type { HandoffNotice } from './handoff-notifier.ts';
import type { TurnAnalytics } from './analytics/turn-analytics.ts';

/**
 * The live path's storage, one interface over both databases: what customers sent, where each
 * conversation stands, what the bot says back, the handoff notices. Every statement behind it is
 * built from the drizzle schema (server/db/live-schema.ts), so a renamed column fails to compile.
 * Writes resolve once committed ("stored, then acknowledged"); the SQLite store shares one
 * transaction among the writes of an event-loop turn (group commit).
 */
export interface LiveStore {
  inbound: InboundRepository;
  conversations: ConversationRepository;
  outbox: OutboxRepository;
  notices: HandoffNoticeRepository;
  timers: TimerRepository;
  starts: ConversationStartRepository;
  /**
   * What several instances on one database coordinate through it (PostgreSQL, docs/operations.md,
   * Several instances); absent on SQLite, whose one instance keeps this in memory.
   */
  shared?: SharedWork;
  /** Writes what is queued and refuses further writes (before the connection closes). */
  close(): Promise<void>;
}

/** What the processor needs back from an inbound row's payload. */
export interface InboundPayload {
  message: unknown;
  contactName?: string;
  /** A message the business typed in the WhatsApp Business app (`smb_message_echoes`); `message` went to the contact. */
  echo?: true;
  /** The sender's WhatsApp username (`contacts[].profile.username`), when they have one. */
  username?: string;
}

/** An acknowledged customer message, as the processor reads it back. */
export interface InboundRow {
  wamid: string;
  phoneNumberId: string;
  /** The sender's address (contactAddress()): phone digits, or the BSUID when the number is withheld. */
  waId: string;
  /**
   * Whose turns it is ordered with: the sender's BSUID when the message carries one, else `waId` (also when
   * absent). One contact's messages by phone and by BSUID share it: one queue, and with several instances one claim.
   */
  contactKey?: string;
  payload: string;
  receivedAt: number;
  /** `payload` still parsed, when the row comes straight from the webhook (saves parsing it again). */
  decoded?: unknown;
}

export interface StatusUpdateRow {
  wamid: string;
  phoneNumberId: string;
  /** The outbox row named by the status's biz_opaque_callback_data, when it names one. */
  outboxId: number | null;
  status: string;
  recipientId: string;
  timestampSeconds: number;
  errorCode: number | null;
  errorTitle: string | null;
  updatedAt: number;
  /** Meta's pricing of the message (category: marketing, utility, service…; type: regular, free_…), when the status has it. */
  pricingCategory: string | null;
  pricingType: string | null;
  /** 1 when Meta bills the message, 0 when free; null when not said. */
  billable: number | null;
}

/** Statuses in the order they may follow each other; `failed` is final and keeps its error code. */
export const STATUS_RANK: Readonly<Record<string, number>> = { sent: 1, delivered: 2, read: 3, played: 4, failed: 5 };

export interface InboundRepository {
  /**
   * Stores a webhook's messages (unless their wamid is known) and statuses (unless the stored one
   * is as far along) in one commit; resolves with the messages not seen before. A status naming an
   * in-flight or uncertain outbox row in its callback data marks that row sent. Only statuses of
   * messages Charla sent are stored: the outbox row their callback data names, or a row with their
   * wamid, on the same business number. Others are forged or someone else's: storing them would
   * let any sender grow the database.
   */
  accept(messages: InboundRow[], statuses: StatusUpdateRow[]): Promise<InboundRow[]>;
  /** Acknowledged but not yet processed, in arrival order (rebuilds the queues at start-up). */
  pending(): Promise<InboundRow[]>;
  /** A message that could not be turned (no live version, runtime error), with why. */
  markFailed(wamid: string, error: string): Promise<void>;
}

export interface ConversationRow {
  id: number;
  phoneNumberId: string;
  /** The contact's address: phone digits, or the business-scoped user id when the number was withheld. */
  waId: string;
  /** The business-scoped user id, once a message carried it. */
  userId: string | null;
  username: string | null;
  contactName: string | null;
  flowId: string;
  flowVersion: number;
  status: string;
  session: string;
  lastUserMessageAt: number;
  updatedAt: number;
  /** The current run's analytics state (RunState JSON); null before the first counted turn. */
  run: string | null;
}

/**
 * One turn of a conversation: what the customer sent (direction 'in'), or a turn nobody typed
 * ('bot': an agent handed back) or an agent's reply ('agent'), with the messages sent in answer.
 * One row per turn, not per message: the history index is the costliest write of a turn.
 */
export interface HistoryRow {
  id: number;
  direction: 'in' | 'bot' | 'agent';
  /** JSON HistoryBody. */
  body: string;
  /** In: the customer's wamid. */
  wamid: string | null;
  /** The outbox row of the first reply; the others follow it (ids of one turn are consecutive). */
  outboxId: number | null;
  createdAt: number;
}

export interface HistoryBody {
  /** The InboundEvent, for direction 'in'. */
  event?: unknown;
  /** How many replies were queued; their Graph API bodies are the outbox rows from `outboxId` on. */
  replies: number;
  /** Direction 'agent': who wrote the reply (the name of the token they signed in with). */
  agent?: string;
}

/** A reply as sent: its Graph API body (JSON), the outbox state and the latest delivery status. */
export interface ReplyState {
  body: string;
  /** The id WhatsApp gave it once sent (status webhooks name it); null before. */
  wamid: string | null;
  outboxState: string | null;
  deliveryStatus: string | null;
  errorCode: number | null;
  /** Why it failed, is held or waits: Meta's error message or title. */
  error: string | null;
}

export interface TurnToStore {
  conversation: ConversationRow | undefined;
  phoneNumberId: string;
  waId: string;
  /** The contact's BSUID and username as this turn saw them; a null keeps what the conversation had. */
  userId: string | null;
  username: string | null;
  contactName: string | null;
  flowId: string;
  version: number;
  session: Session;
  /** The customer message that caused the turn; absent for an agent's resolve. `joined`: the rest of its burst, also marked processed. */
  inbound?: { wamid: string; event: InboundEvent; receivedAt: number; joined?: string[] };
  /** The Graph API body (JSON) of each reply, in order. */
  replies: string[];
  /** The node that sent each reply (stored on its outbox row for analytics); absent: none known. */
  replyNodes?: ReadonlyArray<string | null>;
  /** The turn's counters and run (analyseTurn); absent when analytics is off or the turn moved nothing. */
  analytics?: TurnAnalytics;
  /**
   * Set when the replies may not go now: `held` waits for the customer's next message (the 24-hour window
   * is closed), `not_sent` never goes (a timer's message past the window, an unpublished form); `reason` is kept as the error.
   */
  withheld?: { state: 'held' | 'not_sent'; reason: string };
  /** The customer wrote within the window: the conversation's held messages are queued again, before this turn's replies. */
  releaseHeld?: boolean;
  /** The Graph API body of the conversation's fallback template, kept on each reply in case Meta refuses it with 131047. */
  fallbackOnRefusal?: string;
  /** Meta's timestamp of the customer's latest message, which opens the 24-hour window. */
  lastCustomerMessageAt?: number;
  /** Handoff notices to deliver; stored with the turn (and its conversation id) so a crash keeps both or neither. */
  notices: UnsavedHandoffNotice[];
  /** The turn's timer effects (TurnResult.timers): the left state's timers cancelled, the new state's stored. */
  timers?: TimerEffect[];
  /** The claimed timer this turn fired: marked `fired` with the turn, so a crash before it leaves it to fire again. */
  firedTimerId?: number;
  /**
   * The business started this conversation (its one reply is the template): recorded with the turn. A start
   * whose (scope, idempotency key) is already recorded fails the whole turn, so a key never starts twice.
   */
  start?: { scope: string; idempotencyKey: string | null; requestHash: string; nodeId: string };
  now: number;
}

export interface StoredTurn {
  conversationId: number;
  /** What goes to the sender now: the messages released (releaseHeld) first, then the turn's own. */
  queued: OutboxItem[];
  /** How many held messages were queued again. */
  released: number;
}

export interface AgentReplyToStore {
  /** The Graph API body (JSON) of the agent's message. */
  body: string;
  /** The agent (their token's name). */
  agent: string;
  now: number;
  /** The 24-hour window is closed: the message is stored `held` with this reason. */
  held?: string;
  /** The Graph API body of a fallback template queued before the held message, to ask the customer back. */
  fallback?: string;
  /** The fallback template's body kept on the message in case Meta refuses it with 131047. */
  fallbackOnRefusal?: string;
}

export interface StoredAgentReply {
  /** The agent's message's row. */
  outboxId: number;
  /** The fallback template's row, when one was queued. */
  fallbackOutboxId: number | null;
  /** What goes to the sender now. */
  queued: OutboxItem[];
}

/** A recorded start, as a retry with the same idempotency key is answered. */
export interface ConversationStartRow {
  requestHash: string;
  conversationId: number;
  outboxId: number;
  flowId: string;
  flowVersion: number;
  phoneNumberId: string;
  nodeId: string;
}

export interface ConversationStartRepository {
  /** The start recorded under a caller's idempotency key, if any. */
  byKey(scope: string, idempotencyKey: string): Promise<ConversationStartRow | undefined>;
}

export interface ConversationRepository {
  /**
   * The contact's conversation: the one that knows their business-scoped user id (when given), else
   * the one keyed by their address, so a contact seen by phone and later by BSUID stays one conversation.
   */
  byContact(phoneNumberId: string, waId: string, userId?: string): Promise<ConversationRow | undefined>;
  byId(id: number): Promise<ConversationRow | undefined>;
  /** Newest first. */
  byStatus(status: string, limit: number): Promise<ConversationRow[]>;
  /** The versions of a flow that conversations not ended still run (their Meta Flows must stay published). */
  versionsInUse(flowId: string): Promise<Set<number>>;
  /** The last `limit` turns, oldest first. */
  recent(conversationId: number, limit: number): Promise<HistoryRow[]>;
  replyState(outboxId: number): Promise<ReplyState | undefined>;
  /**
   * Writes a turn's outcome in one transaction: the session, the history, the replies queued in
   * the outbox, the handoff notices and the inbound message marked processed.
   */
  storeTurn(turn: TurnToStore): Promise<StoredTurn>;
  /**
   * The contact changed their number (a `user_changed_number` system message): the conversation is
   * theirs at `waId` from now on. False when another conversation already has that address (kept apart).
   */
  changeAddress(conversationId: number, waId: string): Promise<boolean>;
  /** A new session without a turn (a person takes the conversation over): nothing is sent. */
  storeSession(conversationId: number, change: { status: string; session: string; updatedAt: number }): Promise<void>;
  /**
   * Stores an agent's reply and records it in the history (and, unless analytics is off, counts it for `agent`);
   * someone waits on it (the inbox). Queued, or `held` with its reason once the window closed, after
   * the `fallback` template (queued) when there is one to send first.
   */
  storeAgentReply(conversation: ConversationRow, reply: AgentReplyToStore): Promise<StoredAgentReply>;
  /** How many of the conversation's messages are held until the customer writes. */
  heldCount(conversationId: number): Promise<number>;
}

/** A message waiting to be (re)sent, as the sender keeps it in memory. */
export interface OutboxItem {
  id: number;
  conversationId: number;
  phoneNumberId: string;
  /** The Graph API request body, JSON. */
  body: string;
  attempts: number;
  nextAttemptAt: number;
  /** A call for it may have reached Meta (its answer never came): before resending, look for a status. */
  uncertain?: boolean;
}

export interface UnsentOutboxItem extends OutboxItem {
  state: 'queued' | 'in_flight' | 'uncertain';
}

export interface OutboxRepository {
  /** Queued and in-flight rows, oldest first (start-up). */
  unsent(): Promise<UnsentOutboxItem[]>;
  /** Committed before the Graph API calls, so a crash resends at most these. */
  markInFlight(ids: number[]): Promise<void>;
  markSent(id: number, wamid: string | null): Promise<void>;
  /** The call's answer never came; the row waits until `nextAttemptAt` for a status naming it. */
  markUncertain(id: number, nextAttemptAt: number, error: string): Promise<void>;
  /** Those of `ids` a status webhook showed were sent (matched by their callback data). */
  sentAmong(ids: number[]): Promise<Set<number>>;
  markRetry(id: number, nextAttemptAt: number, errorCode: number | null, error: string): Promise<void>;
  markFailed(id: number, errorCode: number | null, error: string): Promise<void>;
  /**
   * Meta refused the message for a closed 24-hour window (131047): it is held until the customer writes, and the
   * fallback template it carries (if any) is queued, once per closed window (none of the conversation's messages
   * held yet); resolves with that template's row (docs/whatsapp.md §3).
   */
  holdForWindow(id: number, errorCode: number | null, error: string, now: number): Promise<OutboxItem | undefined>;
}

/** A business number and a contact's key (InboundRow.contactKey): what a contact's claim and pending messages are keyed by. */
export interface ContactKey {
  phoneNumberId: string;
  contactKey: string;
}

/** Outbox rows an instance claimed (now `in_flight` under its lease), and when to look again if rates held some back. */
export interface OutboxClaim {
  items: Array<OutboxItem & { /** Another instance had it in flight and died (its lease lapsed). */ abandoned: boolean }>;
  /**
   * Replies queued right behind a claimed one in its conversation, each with its send slot taken: still
   * `queued` in the table, yet no other instance can claim them while the reply before them is unsent.
   * Each goes once the one before it is sent (markSentClaimingNext), without another claim.
   */
  followers: OutboxItem[];
  /** Milliseconds until a number held back by its rate has a free slot; undefined when none was. */
  rateWaitMs: number | undefined;
}

export interface SharedWork {
  /** The contact's acknowledged, unprocessed messages, whichever instance stored them, in arrival order. */
  pendingOf(contact: ContactKey): Promise<InboundRow[]>;
  /** Contacts with a message pending since before `receivedBefore` (left by an instance that died). */
  stalledContacts(receivedBefore: number, limit: number): Promise<ContactKey[]>;
  /**
   * Claims up to `capacity` sendable rows: each conversation's oldest unsent one, due, its channel
   * not paused, with `FOR UPDATE SKIP LOCKED` (instances claiming at once take different rows), and
   * as many per number as its shared send rate allows now. They become `in_flight` until `leaseUntil`,
   * after which another instance may claim them (this one died) and send them again.
   */
  claimOutbox(now: number, capacity: number, ratePerSecond: number, leaseUntil: number): Promise<OutboxClaim>;
  /**
   * Calls `onQueued` whenever another instance queues replies (PostgreSQL's LISTEN/NOTIFY on a connection
   * of its own, reopened if lost: `onLost` says so). Returns a function that stops listening.
   */
  listenForQueued(onQueued: () => void, onLost: (error: Error) => void): () => Promise<void>;
  /**
   * Marks a claimed reply sent and, in the same statement, the conversation's next reply (a follower of
   * the claim) in flight until `leaseUntil`. False when the next one was no longer queued (not claimed).
   */
  markSentClaimingNext(sentId: number, wamid: string | null, nextId: number | undefined, leaseUntil: number): Promise<boolean>;
  /** Holds the number's sends on every instance until `until` (Meta's per-number throughput error). */
  pauseNumber(phoneNumberId: string, until: number, ratePerSecond: number): Promise<void>;
  /** Rows queued, in flight or uncertain, on channels not paused. */
  unsentCount(): Promise<number>;
}

/** A stored timer, as the scheduler claims it: the contact's queue it runs in and the core's Timer. */
export interface TimerRow {
  id: number;
  conversationId: number;
  phoneNumberId: string;
  waId: string;
  timer: Timer;
}

/**
 * The durable timers (docs/operations.md, Timers). Claim before fire: a timer goes from `pending`
 * to `claimed` in one conditional UPDATE, so of several instances exactly one gets it; the claim
 * carries a lease, after which a timer whose turn was never written (the claimer died) is claimed again.
 */
export interface TimerRepository {
  /** Claims up to `limit` timers due at `now` (soonest first), pending or with a lapsed claim, for `leaseMs`. */
  claimDue(now: number, leaseMs: number, limit: number): Promise<TimerRow[]>;
  /** When the scheduler must look again: the soonest pending timer, or a claim's lapse; undefined when none. */
  nextDue(): Promise<number | undefined>;
  /** A claimed timer that does nothing any more (its conversation moved on or is gone): cancelled, not fired. */
  cancel(id: number): Promise<void>;
  /** A conversation's pending timers, soonest first. */
  pendingOf(conversationId: number): Promise<TimerRow[]>;
}

/** A notice before its turn is stored: the conversation may not have an id yet. */
export type UnsavedHandoffNotice = Omit<HandoffNotice, 'conversationId'>;

/** The JSON body POSTed for a notice, with the conversation's id in its place after `event`. */
export function handoffNoticeBody(notice: UnsavedHandoffNotice, conversationId: number): string {
  const { event, ...rest } = notice;
  return JSON.stringify({ event, conversationId, ...rest });
}

export interface HandoffNoticeRow {
  id: number;
  /** The HandoffNotice JSON, as POSTed. */
  body: string;
  attempts: number;
}

export interface HandoffNoticeRepository {
  /** Pending notices whose next attempt is due at `now`, oldest first. */
  due(now: number): Promise<HandoffNoticeRow[]>;
  /** When the next pending notice is due; undefined when none is pending. */
  nextDue(): Promise<number | undefined>;
  delivered(id: number): Promise<void>;
  retry(id: number, attempts: number, nextAttemptAt: number, error: string): Promise<void>;
  failed(id: number, attempts: number, error: string): Promise<void>;
}
