import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The live path's tables: what customers sent, where each conversation stands, what the bot says
 * back. Hot tables (inbound_messages, outbox) carry no secondary index: each one costs about 15%
 * of the webhook's transaction (docs/performance.md); start-up scans them once instead.
 * Times are milliseconds since the epoch; bodies are JSON text.
 */

/** Every webhook `messages[]` item acknowledged, keyed by wamid: the dedupe key and the durable inbox. */
export const inboundMessages = sqliteTable('inbound_messages', {
  wamid: text('wamid').primaryKey(),
  phoneNumberId: text('phone_number_id').notNull(),
  waId: text('wa_id').notNull(),
  /**
   * Whose turns the message is ordered with: the sender's business-scoped user id when the message carries
   * one, else the address (wa_id), so one contact's messages by phone and by BSUID share a queue and, with
   * several instances, one claim. Null on rows stored before it existed: their address.
   */
  contactKey: text('contact_key'),
  /** `{ message, contactName? }`: the raw messages[] item and the sender's profile name. */
  payload: text('payload').notNull(),
  state: text('state', { enum: ['pending', 'processed', 'failed'] }).notNull(),
  receivedAt: integer('received_at').notNull(),
  /** Why a turn could not run (no live version, runtime error); null when processed normally. */
  error: text('error'),
});

/** One per business number and contact: the runtime session, pinned to the flow version it started on. */
export const conversations = sqliteTable(
  'conversations',
  {
    id: integer('id').primaryKey(),
    phoneNumberId: text('phone_number_id').notNull(),
    /** The contact's key: the phone number's digits, or the business-scoped user id when the number was withheld. */
    waId: text('wa_id').notNull(),
    /** The contact's business-scoped user id (BSUID), once a message carried it: a later message with only it finds this row. */
    userId: text('user_id'),
    /** The WhatsApp username the contact chose, as last seen (the inbox shows it). */
    username: text('username'),
    contactName: text('contact_name'),
    flowId: text('flow_id').notNull(),
    flowVersion: integer('flow_version').notNull(),
    /** The session's status, copied out for the inbox query: active | handoff | ended | error. */
    status: text('status').notNull(),
    /** The runtime Session JSON. */
    session: text('session').notNull(),
    /** Opens the 24-hour customer-service window. */
    lastUserMessageAt: integer('last_user_message_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** The current run's analytics state (RunState JSON, server/live/analytics/turn-analytics.ts); null before analytics existed. */
    run: text('run'),
  },
  (table) => [
    uniqueIndex('conversations_contact_idx').on(table.phoneNumberId, table.waId),
    uniqueIndex('conversations_user_idx').on(table.phoneNumberId, table.userId).where(sql`${table.userId} IS NOT NULL`),
    index('conversations_status_idx').on(table.status),
  ],
);

/** What was said in a conversation, one row per turn (the customer's message and the replies), for the inbox. */
export const conversationMessages = sqliteTable(
  'conversation_messages',
  {
    id: integer('id').primaryKey(),
    conversationId: integer('conversation_id').notNull(),
    direction: text('direction', { enum: ['in', 'bot', 'agent'] }).notNull(),
    /** `{ event?: InboundEvent, replies: n }`: the n replies are the outbox rows from outbox_id on. */
    body: text('body').notNull(),
    /** In: the customer's wamid. */
    wamid: text('wamid'),
    /** The outbox row of the first reply; the others follow with consecutive ids. */
    outboxId: integer('outbox_id'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('conversation_messages_conversation_idx').on(table.conversationId, table.id)],
);

/**
 * Graph API calls to make, in id order per conversation. Lean on purpose: the one secondary index
 * is partial (rows get an entry only when a wamid is recorded, so queueing a message never pays
 * for it); it lets a status webhook be matched to a message Charla sent.
 */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey(),
  conversationId: integer('conversation_id').notNull(),
  phoneNumberId: text('phone_number_id').notNull(),
  /** The Graph API request body (JSON). */
  body: text('body').notNull(),
  /**
   * in_flight is written before the call, so a crash resends at most these. uncertain: the call's
   * answer never came (timeout, reset); resent only if no status names it within the grace period.
   * `held`: the 24-hour window is closed (known, or Meta's 131047) and no fallback template applies;
   * queued again when the customer writes. `not_sent`: never to go (a timer's message due after the
   * window, a form Meta has not published), kept with its reason (docs/whatsapp.md §3).
   */
  state: text('state', { enum: ['queued', 'in_flight', 'uncertain', 'sent', 'failed', 'held', 'not_sent'] }).notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: integer('next_attempt_at').notNull(),
  /** The wamid the Graph API returned. */
  wamid: text('wamid'),
  /** The Graph error code (or HTTP status when none) of the last failed attempt. */
  errorCode: integer('error_code'),
  error: text('error'),
  createdAt: integer('created_at').notNull(),
  /** Who sent it, for analytics: the flow version and node (null: an agent's reply, or sent before analytics existed). */
  flowId: text('flow_id'),
  flowVersion: integer('flow_version'),
  nodeId: text('node_id'),
  /**
   * The Graph API body of the fallback template to send if Meta refuses this message for a closed window
   * (131047), rendered when it was queued; null when its flow has none (docs/whatsapp.md §3).
   */
  fallback: text('fallback'),
}, (table) => [
  index('outbox_wamid_idx').on(table.wamid).where(sql`${table.wamid} IS NOT NULL`),
  // A conversation's held messages, read when the customer writes again (usually none: a small index).
  index('outbox_held_idx').on(table.conversationId, table.id).where(sql`${table.state} = 'held'`),
]);

/** The delivery status of messages Charla sent (others are not stored), by wamid; only ever moves forward. */
export const messageStatuses = sqliteTable('message_statuses', {
  wamid: text('wamid').primaryKey(),
  status: text('status', { enum: ['sent', 'delivered', 'read', 'played', 'failed'] }).notNull(),
  recipientId: text('recipient_id'),
  /** Meta's timestamp of the status, in seconds. */
  timestamp: integer('timestamp').notNull(),
  errorCode: integer('error_code'),
  errorTitle: text('error_title'),
  updatedAt: integer('updated_at').notNull(),
  /** Meta's `pricing` on the status (docs/analytics.md §2): category (marketing, utility, service…), type (regular, free_…), billable 0/1. */
  pricingCategory: text('pricing_category'),
  pricingType: text('pricing_type'),
  billable: integer('billable'),
});

/**
 * Analytics counters, kept as the turns and statuses happen (in their own transaction): one row per
 * flow version, UTC hour, node ('' for the conversation as a whole), metric and key (an output, an
 * error code, a pricing category…). `total` sums durations in ms (or CSAT scores) for averages.
 * Metrics: server/live/analytics/counters.ts.
 */
export const flowCounters = sqliteTable('flow_counters', {
  flowId: text('flow_id').notNull(),
  flowVersion: integer('flow_version').notNull(),
  /** The hour's start, ms since the epoch (UTC). */
  hour: integer('hour').notNull(),
  nodeId: text('node_id').notNull(),
  metric: text('metric').notNull(),
  key: text('key').notNull(),
  count: integer('count').notNull(),
  total: integer('total').notNull(),
}, (table) => [primaryKey({ columns: [table.flowId, table.flowVersion, table.hour, table.nodeId, table.metric, table.key] })]);

/**
 * One run of a flow with one contact: from the message that started it to its end (completed, errored),
 * or until it was abandoned (the session expired or timed out). The conversation history lists these.
 */
export const conversationRuns = sqliteTable(
  'conversation_runs',
  {
    id: integer('id').primaryKey(),
    conversationId: integer('conversation_id').notNull(),
    phoneNumberId: text('phone_number_id').notNull(),
    waId: text('wa_id').notNull(),
    contactName: text('contact_name'),
    flowId: text('flow_id').notNull(),
    flowVersion: integer('flow_version').notNull(),
    /** open | handoff (with a person now) | completed | abandoned | errored. */
    outcome: text('outcome').notNull(),
    /** 1 once it was handed to a person. */
    handedOff: integer('handed_off').notNull(),
    /** The node it waits at, or ended/dropped at. */
    lastNodeId: text('last_node_id'),
    /** The nodes entered, in order (JSON array), to light the path on the canvas. */
    path: text('path').notNull(),
    startedAt: integer('started_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (table) => [
    index('conversation_runs_flow_idx').on(table.flowId, table.flowVersion, table.startedAt),
    index('conversation_runs_conversation_idx').on(table.conversationId),
  ],
);

/**
 * Handoff notices for CHARLA_HANDOFF_WEBHOOK_URL not yet delivered: stored when a conversation
 * enters handoff, retried with backoff until the URL answers 2xx (then deleted), kept as `failed`
 * with the last error when it refuses for good. Survives restarts.
 */
export const handoffNotices = sqliteTable('handoff_notices', {
  id: integer('id').primaryKey(),
  /** The HandoffNotice JSON, as POSTed. */
  body: text('body').notNull(),
  state: text('state', { enum: ['pending', 'failed'] }).notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: integer('next_attempt_at').notNull(),
  error: text('error'),
  createdAt: integer('created_at').notNull(),
});

/**
 * Timers the runtime core scheduled (runtime/core/timers.ts): a question's `timeout`, a delay's end,
 * a handoff's `unanswered`, the session's expiry. Stored in the transaction of the turn that set
 * them, so they survive restarts; `pending` until an instance claims one (`claimed`, with a lease in
 * case it dies before the turn is written), then `fired` in the timer turn's own transaction, or
 * `cancelled` when the conversation left the state (`epoch`) it was set in.
 */
export const timers = sqliteTable(
  'timers',
  {
    id: integer('id').primaryKey(),
    conversationId: integer('conversation_id').notNull(),
    phoneNumberId: text('phone_number_id').notNull(),
    waId: text('wa_id').notNull(),
    /** The conversation state (Session.epoch) the timer belongs to. */
    epoch: integer('epoch').notNull(),
    dueAt: integer('due_at').notNull(),
    /** The runtime Timer's `action`, JSON. */
    action: text('action').notNull(),
    state: text('state', { enum: ['pending', 'claimed', 'fired', 'cancelled'] }).notNull(),
    /** While claimed: when the claim lapses and another instance may fire it (the claimer died). */
    claimedUntil: integer('claimed_until'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('timers_due_idx').on(table.state, table.dueAt),
    index('timers_conversation_idx').on(table.conversationId, table.epoch),
  ],
);

/**
 * Conversations the business started (POST /api/flows/:id/start), written in the start's own turn
 * transaction. A start sent with an `Idempotency-Key` is kept by (who asked, key) with a hash of its
 * request: a retry with the same key finds it and answers the same conversation again, never a second start.
 */
export const conversationStarts = sqliteTable(
  'conversation_starts',
  {
    id: integer('id').primaryKey(),
    /** Whose key it is: the principal that asked (keys of different callers never meet). */
    scope: text('scope').notNull(),
    idempotencyKey: text('idempotency_key'),
    /** sha-256 of the flow id and the request body (key order ignored). */
    requestHash: text('request_hash').notNull(),
    conversationId: integer('conversation_id').notNull(),
    /** The outbox row of the template. */
    outboxId: integer('outbox_id').notNull(),
    flowId: text('flow_id').notNull(),
    flowVersion: integer('flow_version').notNull(),
    phoneNumberId: text('phone_number_id').notNull(),
    nodeId: text('node_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [uniqueIndex('conversation_starts_key_idx').on(table.scope, table.idempotencyKey).where(sql`${table.idempotencyKey} IS NOT NULL`)],
);
