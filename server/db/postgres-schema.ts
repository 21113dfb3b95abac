import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The same tables as schema.ts and live-schema.ts, on PostgreSQL (CHARLA_DATABASE_URL=postgres://…).
 * Column for column the same names, nullability and keys (postgres-schema.test.ts compares them);
 * times in milliseconds are `bigint` read as numbers, counters `integer`, row ids identities.
 * After changing a table here: `npm run db:generate` writes both dialects' migrations.
 */

const millis = (name: string) => bigint(name, { mode: 'number' });
const rowId = (name: string) => bigint(name, { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();

export const flows = pgTable('flows', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  document: text('document').notNull(),
  revision: integer('revision').notNull(),
  liveVersion: integer('live_version'),
  createdAt: millis('created_at').notNull(),
  updatedAt: millis('updated_at').notNull(),
  /** Who saved the draft last (the token's name); null for drafts stored before it was recorded. */
  updatedBy: text('updated_by'),
  /**
   * The draft's problems, capped and without words (JSON, server/flows/draft-problems.ts), written with the
   * document; null for drafts stored before they were kept, until the first read writes them.
   */
  problems: text('problems'),
});

export const flowVersions = pgTable(
  'flow_versions',
  {
    flowId: text('flow_id').notNull().references(() => flows.id),
    version: integer('version').notNull(),
    contentHash: text('content_hash').notNull(),
    author: text('author').notNull(),
    note: text('note'),
    createdAt: millis('created_at').notNull(),
    document: text('document').notNull(),
  },
  (table) => [primaryKey({ columns: [table.flowId, table.version] })],
);

export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ['analyst', 'tester', 'admin'] }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: text('created_by').notNull(),
  createdAt: millis('created_at').notNull(),
  revokedAt: millis('revoked_at'),
});

export const channels = pgTable('channels', {
  phoneNumberId: text('phone_number_id').primaryKey(),
  flowId: text('flow_id').notNull().references(() => flows.id),
  accessToken: text('access_token'),
  appSecret: text('app_secret'),
  verifyToken: text('verify_token'),
  wabaId: text('waba_id'),
  pausedAt: millis('paused_at'),
  pauseCode: integer('pause_code'),
  pauseReason: text('pause_reason'),
  createdAt: millis('created_at').notNull(),
  updatedAt: millis('updated_at').notNull(),
});

export const simulations = pgTable(
  'simulations',
  {
    id: text('id').primaryKey(),
    flowId: text('flow_id').notNull().references(() => flows.id),
    source: text('source').notNull(),
    draftRevision: integer('draft_revision'),
    contact: text('contact'),
    session: text('session'),
    timers: text('timers').notNull().default('[]'),
    clockOffsetMs: millis('clock_offset_ms').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (table) => [index('simulations_flow_idx').on(table.flowId)],
);

export const draftSnapshots = pgTable(
  'draft_snapshots',
  {
    flowId: text('flow_id').notNull().references(() => flows.id),
    revision: integer('revision').notNull(),
    document: text('document').notNull(),
  },
  (table) => [primaryKey({ columns: [table.flowId, table.revision] })],
);

export const metaFlows = pgTable(
  'meta_flows',
  {
    flowId: text('flow_id').notNull().references(() => flows.id),
    version: integer('version').notNull(),
    wabaId: text('waba_id').notNull(),
    nodeId: text('node_id').notNull(),
    metaFlowId: text('meta_flow_id').notNull(),
    formHash: text('form_hash').notNull(),
    status: text('status', { enum: ['DRAFT', 'PUBLISHED', 'DEPRECATED'] }).notNull(),
    validationErrors: text('validation_errors'),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.flowId, table.version, table.wabaId, table.nodeId] })],
);

export const whatsappTemplates = pgTable(
  'whatsapp_templates',
  {
    wabaId: text('waba_id').notNull(),
    name: text('name').notNull(),
    language: text('language').notNull(),
    templateId: text('template_id').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull(),
    components: text('components').notNull(),
    fetchedAt: millis('fetched_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.wabaId, table.name, table.language] })],
);

export const knowledgeEmbeddings = pgTable(
  'knowledge_embeddings',
  {
    model: text('model').notNull(),
    contentHash: text('content_hash').notNull(),
    dimensions: integer('dimensions').notNull(),
    vector: text('vector').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.model, table.contentHash] })],
);

export const serverMeta = pgTable('server_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const inboundMessages = pgTable('inbound_messages', {
  wamid: text('wamid').primaryKey(),
  phoneNumberId: text('phone_number_id').notNull(),
  waId: text('wa_id').notNull(),
  /** The BSUID when the message carries one, else wa_id: the contact's claim (live-schema.ts). */
  contactKey: text('contact_key'),
  payload: text('payload').notNull(),
  state: text('state', { enum: ['pending', 'processed', 'failed'] }).notNull(),
  receivedAt: millis('received_at').notNull(),
  error: text('error'),
}, (table) => [
  // PostgreSQL only (POSTGRES_ONLY in postgres-schema.test.ts): the instance holding a contact's claim
  // reads that contact's pending messages, whichever instance stored them (docs/operations.md, Several instances).
  index('inbound_messages_pending_contact_idx').on(table.phoneNumberId, table.contactKey, table.receivedAt).where(sql`${table.state} = 'pending'`),
]);

export const conversations = pgTable(
  'conversations',
  {
    id: rowId('id'),
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
    status: text('status').notNull(),
    session: text('session').notNull(),
    lastUserMessageAt: millis('last_user_message_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
    run: text('run'),
  },
  (table) => [
    uniqueIndex('conversations_contact_idx').on(table.phoneNumberId, table.waId),
    uniqueIndex('conversations_user_idx').on(table.phoneNumberId, table.userId).where(sql`${table.userId} IS NOT NULL`),
    index('conversations_status_idx').on(table.status),
  ],
);

export const conversationMessages = pgTable(
  'conversation_messages',
  {
    id: rowId('id'),
    conversationId: bigint('conversation_id', { mode: 'number' }).notNull(),
    direction: text('direction', { enum: ['in', 'bot', 'agent'] }).notNull(),
    body: text('body').notNull(),
    wamid: text('wamid'),
    outboxId: bigint('outbox_id', { mode: 'number' }),
    createdAt: millis('created_at').notNull(),
  },
  (table) => [index('conversation_messages_conversation_idx').on(table.conversationId, table.id)],
);

export const outbox = pgTable('outbox', {
  id: rowId('id'),
  conversationId: bigint('conversation_id', { mode: 'number' }).notNull(),
  phoneNumberId: text('phone_number_id').notNull(),
  body: text('body').notNull(),
  state: text('state', { enum: ['queued', 'in_flight', 'uncertain', 'sent', 'failed', 'held', 'not_sent'] }).notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: millis('next_attempt_at').notNull(),
  wamid: text('wamid'),
  errorCode: integer('error_code'),
  error: text('error'),
  createdAt: millis('created_at').notNull(),
  flowId: text('flow_id'),
  flowVersion: integer('flow_version'),
  nodeId: text('node_id'),
  fallback: text('fallback'),
}, (table) => [
  index('outbox_wamid_idx').on(table.wamid).where(sql`${table.wamid} IS NOT NULL`),
  index('outbox_held_idx').on(table.conversationId, table.id).where(sql`${table.state} = 'held'`),
  // PostgreSQL only (POSTGRES_ONLY in postgres-schema.test.ts): instances claim what is unsent, each
  // conversation's oldest first, from the table instead of keeping it in memory.
  index('outbox_unsent_idx').on(table.id).where(sql`${table.state} IN ('queued', 'in_flight', 'uncertain')`),
  index('outbox_unsent_conversation_idx').on(table.conversationId, table.id).where(sql`${table.state} IN ('queued', 'in_flight', 'uncertain')`),
]);

export const messageStatuses = pgTable('message_statuses', {
  wamid: text('wamid').primaryKey(),
  status: text('status', { enum: ['sent', 'delivered', 'read', 'played', 'failed'] }).notNull(),
  recipientId: text('recipient_id'),
  timestamp: bigint('timestamp', { mode: 'number' }).notNull(),
  errorCode: integer('error_code'),
  errorTitle: text('error_title'),
  updatedAt: millis('updated_at').notNull(),
  pricingCategory: text('pricing_category'),
  pricingType: text('pricing_type'),
  billable: integer('billable'),
});

export const flowCounters = pgTable('flow_counters', {
  flowId: text('flow_id').notNull(),
  flowVersion: integer('flow_version').notNull(),
  hour: millis('hour').notNull(),
  nodeId: text('node_id').notNull(),
  metric: text('metric').notNull(),
  key: text('key').notNull(),
  count: integer('count').notNull(),
  total: bigint('total', { mode: 'number' }).notNull(),
}, (table) => [primaryKey({ columns: [table.flowId, table.flowVersion, table.hour, table.nodeId, table.metric, table.key] })]);

export const conversationRuns = pgTable(
  'conversation_runs',
  {
    id: rowId('id'),
    conversationId: bigint('conversation_id', { mode: 'number' }).notNull(),
    phoneNumberId: text('phone_number_id').notNull(),
    waId: text('wa_id').notNull(),
    contactName: text('contact_name'),
    flowId: text('flow_id').notNull(),
    flowVersion: integer('flow_version').notNull(),
    outcome: text('outcome').notNull(),
    handedOff: integer('handed_off').notNull(),
    lastNodeId: text('last_node_id'),
    path: text('path').notNull(),
    startedAt: millis('started_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
    endedAt: millis('ended_at'),
  },
  (table) => [
    index('conversation_runs_flow_idx').on(table.flowId, table.flowVersion, table.startedAt),
    index('conversation_runs_conversation_idx').on(table.conversationId),
  ],
);

export const handoffNotices = pgTable('handoff_notices', {
  id: rowId('id'),
  body: text('body').notNull(),
  state: text('state', { enum: ['pending', 'failed'] }).notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: millis('next_attempt_at').notNull(),
  error: text('error'),
  createdAt: millis('created_at').notNull(),
});

export const timers = pgTable(
  'timers',
  {
    id: rowId('id'),
    conversationId: bigint('conversation_id', { mode: 'number' }).notNull(),
    phoneNumberId: text('phone_number_id').notNull(),
    waId: text('wa_id').notNull(),
    epoch: integer('epoch').notNull(),
    dueAt: millis('due_at').notNull(),
    action: text('action').notNull(),
    state: text('state', { enum: ['pending', 'claimed', 'fired', 'cancelled'] }).notNull(),
    claimedUntil: millis('claimed_until'),
    createdAt: millis('created_at').notNull(),
  },
  (table) => [
    index('timers_due_idx').on(table.state, table.dueAt),
    index('timers_conversation_idx').on(table.conversationId, table.epoch),
  ],
);

export const conversationStarts = pgTable(
  'conversation_starts',
  {
    id: rowId('id'),
    scope: text('scope').notNull(),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash').notNull(),
    conversationId: bigint('conversation_id', { mode: 'number' }).notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    flowId: text('flow_id').notNull(),
    flowVersion: integer('flow_version').notNull(),
    phoneNumberId: text('phone_number_id').notNull(),
    nodeId: text('node_id').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (table) => [uniqueIndex('conversation_starts_key_idx').on(table.scope, table.idempotencyKey).where(sql`${table.idempotencyKey} IS NOT NULL`)],
);

/**
 * PostgreSQL only (POSTGRES_ONLY in postgres-schema.test.ts): the send rate of each business number,
 * shared by every instance (Meta's limit is per number). One row per number holding its theoretical
 * arrival time (GCRA, a token bucket in one column): `slot_at` is when the number's sends so far
 * would have been spread out at the rate; a claim takes the slots up to one second ahead of now.
 */
export const sendRates = pgTable('send_rates', {
  phoneNumberId: text('phone_number_id').primaryKey(),
  /** Milliseconds since the epoch, fractional: the next free send slot. */
  slotAt: doublePrecision('slot_at').notNull(),
});
