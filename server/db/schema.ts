import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';

/**
 * The editor's side of the database: drafts, immutable versions, tokens, channels, simulations.
 * The live path's tables (inbound messages, sessions, outbox) are in live-schema.ts.
 * Times are milliseconds since the epoch; documents are JSON text.
 */

/** One row per flow: its working draft, a revision counter for optimistic locking, and the live pointer. */
export const flows = sqliteTable('flows', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The draft document (FlowDocument JSON). */
  document: text('document').notNull(),
  /** Bumped on every save; a PUT naming an older revision is refused (409). */
  revision: integer('revision').notNull(),
  /** The version new conversations run on; null until the first publish. */
  liveVersion: integer('live_version'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  /** Who saved the draft last (the token's name); null for drafts stored before it was recorded. */
  updatedBy: text('updated_by'),
  /**
   * The draft's problems, capped and without words (JSON, server/flows/draft-problems.ts), written with the
   * document; null for drafts stored before they were kept, until the first read writes them.
   */
  problems: text('problems'),
});

/** Published versions: written once, never updated. */
export const flowVersions = sqliteTable(
  'flow_versions',
  {
    flowId: text('flow_id').notNull().references(() => flows.id),
    version: integer('version').notNull(),
    /** sha-256 of the canonical JSON of the document. */
    contentHash: text('content_hash').notNull(),
    author: text('author').notNull(),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
    document: text('document').notNull(),
  },
  (table) => [primaryKey({ columns: [table.flowId, table.version] })],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: ['analyst', 'tester', 'admin'] }).notNull(),
    /** sha-256 (hex) of the token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
);

/** A WhatsApp business number bound to a flow. Secrets are write-only through the API. */
export const channels = sqliteTable('channels', {
  phoneNumberId: text('phone_number_id').primaryKey(),
  flowId: text('flow_id').notNull().references(() => flows.id),
  accessToken: text('access_token'),
  appSecret: text('app_secret'),
  verifyToken: text('verify_token'),
  /** The WhatsApp Business Account the number belongs to (where its Meta Flows and templates live). */
  wabaId: text('waba_id'),
  /**
   * Set when the Graph API refused the channel itself (190 token expired, 368 or 131031 account
   * restricted…): its messages are held until an admin fixes it and it resumes.
   */
  pausedAt: integer('paused_at'),
  pauseCode: integer('pause_code'),
  pauseReason: text('pause_reason'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * A simulator conversation and its session. It refers to what it runs instead of copying it: a
 * version (already stored, immutable) or a draft revision (one shared snapshot in draft_snapshots),
 * so editing the draft does not change a conversation under way and simulations cost no document each.
 */
export const simulations = sqliteTable(
  'simulations',
  {
    id: text('id').primaryKey(),
    flowId: text('flow_id').notNull().references(() => flows.id),
    /** 'draft' or the version number as text. */
    source: text('source').notNull(),
    /** For 'draft': the revision run, a key of draft_snapshots. */
    draftRevision: integer('draft_revision'),
    /** The simulated contact (Contact JSON), who `{{contact.name}}` and `to` are; null for the default one. */
    contact: text('contact'),
    /** The runtime Session JSON; null before the first message. */
    session: text('session'),
    /** The simulation's pending timers (the core's Timer[] JSON), fired when its clock reaches them. */
    timers: text('timers').notNull().default('[]'),
    /** How far "advance time" moved the simulation's clock ahead of the real one. */
    clockOffsetMs: integer('clock_offset_ms').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('simulations_flow_idx').on(table.flowId)],
);

/** A draft's document at one revision, kept while simulations run it (retention deletes unused ones). */
export const draftSnapshots = sqliteTable(
  'draft_snapshots',
  {
    flowId: text('flow_id').notNull().references(() => flows.id),
    revision: integer('revision').notNull(),
    document: text('document').notNull(),
  },
  (table) => [primaryKey({ columns: [table.flowId, table.revision] })],
);

/**
 * The WhatsApp Flow each form node of a published version is at Meta, per business account (WABA):
 * created, its Flow JSON uploaded, published; deprecated once no conversation runs that version
 * (docs/whatsapp.md §4). `validationErrors` keeps Meta's answer when it refused the Flow JSON.
 */
export const metaFlows = sqliteTable(
  'meta_flows',
  {
    flowId: text('flow_id').notNull().references(() => flows.id),
    version: integer('version').notNull(),
    wabaId: text('waba_id').notNull(),
    nodeId: text('node_id').notNull(),
    metaFlowId: text('meta_flow_id').notNull(),
    /** sha-256 of what Meta got (the Flow JSON and endpoint): a different form under the same key is a new Meta Flow. */
    formHash: text('form_hash').notNull(),
    status: text('status', { enum: ['DRAFT', 'PUBLISHED', 'DEPRECATED'] }).notNull(),
    validationErrors: text('validation_errors'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.flowId, table.version, table.wabaId, table.nodeId] })],
);

/**
 * The message templates of a WABA as Meta last listed them: refreshed on demand
 * and periodically; templates are what may go out once the 24-hour window closed (docs/whatsapp.md §3).
 */
export const whatsappTemplates = sqliteTable(
  'whatsapp_templates',
  {
    wabaId: text('waba_id').notNull(),
    name: text('name').notNull(),
    language: text('language').notNull(),
    templateId: text('template_id').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull(),
    /** Meta's `components` JSON (header, body, footer, buttons) as listed. */
    components: text('components').notNull(),
    fetchedAt: integer('fetched_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.wabaId, table.name, table.language] })],
);

/**
 * Knowledge entries' embedding vectors (docs/ai.md, "With a model"), by model and a SHA-256 of exactly
 * what was embedded, so a restart or a new version with the same entries does not embed them again.
 */
export const knowledgeEmbeddings = sqliteTable(
  'knowledge_embeddings',
  {
    model: text('model').notNull(),
    contentHash: text('content_hash').notNull(),
    dimensions: integer('dimensions').notNull(),
    /** The vector as little-endian float32s (what embedding models return), base64. */
    vector: text('vector').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.model, table.contentHash] })],
);

/** One-time facts about this database, e.g. when the fixture bots were loaded on first run. */
export const serverMeta = sqliteTable('server_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
