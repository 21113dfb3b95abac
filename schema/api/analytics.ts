import { Type, type Static } from '@sinclair/typebox';
import { BEARER, FlowIdParams, VersionNumber } from './common.ts';
import { ConversationMessage } from './conversations.ts';
import { CHECKED_INPUT, SIGNED_IN, errorResponses } from './errors.ts';
import { apiRoute } from './route.ts';

/**
 * Analytics of a flow version (docs/analytics.md): counts kept as the turns and status webhooks
 * happen, per UTC hour, so `from`/`to` select whole hours. Conversation history: the runs of a flow.
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Counts = Type.Record(Type.String(), Type.Integer());
/** An average over `count` figures, null when there are none. */
const Average = Type.Object({ count: Type.Integer(), average: Nullable(Type.Number()) });

export const AnalyticsQuery = Type.Object({
  /** The version; the live one when left out. */
  version: Type.Optional(VersionNumber),
  /** From this instant (its hour included), ISO 8601. */
  from: Type.Optional(Type.String({ format: 'date-time' })),
  /** Up to this instant (its hour excluded unless it starts it), ISO 8601. */
  to: Type.Optional(Type.String({ format: 'date-time' })),
}, { additionalProperties: false });
export type AnalyticsQuery = Static<typeof AnalyticsQuery>;

export const NodeAnalytics = Type.Object({
  entered: Type.Integer(),
  /** Times it left through each output. */
  exits: Counts,
  /** Conversations abandoned while waiting here. */
  dropped: Type.Integer(),
  /** Of the messages it queued: reported sent, delivered, read (each implies the one before) and failed by WhatsApp. */
  sent: Type.Integer(),
  delivered: Type.Integer(),
  read: Type.Integer(),
  failed: Type.Integer(),
  queued: Type.Integer(),
  /** Failures by Graph error code. */
  failedByCode: Counts,
  /** Answers it received and how long customers took to give them (ms). */
  answers: Average,
  /** Answers it could not use, and the most common ones (folded, at most 10). */
  invalid: Type.Integer(),
  invalidAnswers: Type.Array(Type.Object({ answer: Type.String(), count: Type.Integer() })),
  /** Messages Meta priced, by pricing category, and the billable ones. */
  priced: Counts,
  billable: Counts,
});
export type NodeAnalytics = Static<typeof NodeAnalytics>;

export const FlowAnalytics = Type.Object({
  version: Type.Integer(),
  /** The range asked for, as ISO instants; null: unbounded. */
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  conversations: Type.Object({
    started: Type.Integer(),
    /** Reached an end. */
    completed: Type.Integer(),
    /** Handed to a person (at least once). */
    handoff: Type.Integer(),
    /** Timed out or expired before the end. */
    abandoned: Type.Integer(),
    errored: Type.Integer(),
    /** Completed without a handoff. */
    contained: Type.Integer(),
  }),
  service: Type.Object({
    /** Customer message to the bot's first reply (ms). */
    botFirstResponse: Average,
    /** Handoff to an agent's first reply (ms). */
    agentFirstResponse: Average,
    /** Handoff to its end (ms). */
    handling: Average,
    /** Completed without handoff / started; null with no conversations. */
    containment: Nullable(Type.Number()),
    /** The CSAT variable's average at the end (settings.csatVariable). */
    csat: Average,
    /** Conversations started per business number (phone_number_id). */
    byNumber: Counts,
    /** Replies per agent. */
    byAgent: Counts,
  }),
  /** Every node of the version (zeros included), by id. */
  nodes: Type.Record(Type.String(), NodeAnalytics),
  /** Messages priced by Meta per category, over the whole flow, and the billable ones. */
  pricing: Type.Object({ priced: Counts, billable: Counts }),
});
export type FlowAnalytics = Static<typeof FlowAnalytics>;

export const SeriesPoint = Type.Object({
  /** The bucket's start, ISO. */
  at: Type.String(),
  started: Type.Integer(),
  completed: Type.Integer(),
  handoff: Type.Integer(),
  abandoned: Type.Integer(),
  errored: Type.Integer(),
  queued: Type.Integer(),
  sent: Type.Integer(),
  delivered: Type.Integer(),
  read: Type.Integer(),
  failed: Type.Integer(),
  agentReplies: Type.Integer(),
  /** Average agent first response in the bucket (ms), null without one. */
  agentFirstResponseMs: Nullable(Type.Number()),
});
export type SeriesPoint = Static<typeof SeriesPoint>;

export const AnalyticsSeries = Type.Object({
  version: Type.Integer(),
  bucket: Type.Union([Type.Literal('hour'), Type.Literal('day')]),
  /** Buckets with any count, oldest first. */
  points: Type.Array(SeriesPoint),
});
export type AnalyticsSeries = Static<typeof AnalyticsSeries>;

const tags = ['analytics'];
const ANALYTICS_ERRORS = [...SIGNED_IN, ...CHECKED_INPUT, 'flow_not_found', 'version_not_found', 'flow_not_published'] as const;

export const getFlowAnalytics = apiRoute({
  method: 'GET',
  url: '/api/flows/:id/analytics',
  schema: {
    summary: "A version's analytics: conversations by outcome, service figures, and every node's counts", tags, security: BEARER,
    params: FlowIdParams,
    querystring: AnalyticsQuery,
    response: { 200: FlowAnalytics, ...errorResponses(...ANALYTICS_ERRORS) },
  },
});

export const getFlowAnalyticsSeries = apiRoute({
  method: 'GET',
  url: '/api/flows/:id/analytics/series',
  schema: {
    summary: "A version's counts over time, per hour or day (UTC), for plots", tags, security: BEARER,
    params: FlowIdParams,
    querystring: Type.Object({
      ...AnalyticsQuery.properties,
      bucket: Type.Optional(Type.Unsafe<'hour' | 'day'>({ type: 'string', enum: ['hour', 'day'], default: 'day' })),
    }, { additionalProperties: false }),
    response: { 200: AnalyticsSeries, ...errorResponses(...ANALYTICS_ERRORS) },
  },
});

export const exportFlowAnalytics = apiRoute({
  method: 'GET',
  url: '/api/flows/:id/analytics.csv',
  schema: {
    summary: 'The same analytics as CSV (one figure a line: scope, node, metric, key, value), for a spreadsheet or BI tool', tags, security: BEARER,
    params: FlowIdParams,
    querystring: AnalyticsQuery,
    response: { 200: Type.String({ description: 'text/csv' }), ...errorResponses(...ANALYTICS_ERRORS) },
  },
});

export const RUN_OUTCOMES = ['open', 'handoff', 'completed', 'abandoned', 'errored'] as const;

export const RunSummary = Type.Object({
  id: Type.Integer(),
  conversationId: Type.Integer(),
  phoneNumberId: Type.String(),
  /** The customer's number; masked (`549115•••0123`) for testers. */
  waId: Type.String(),
  contactName: Nullable(Type.String()),
  flowId: Type.String(),
  flowVersion: Type.Integer(),
  outcome: Type.String({ enum: [...RUN_OUTCOMES] }),
  handedOff: Type.Boolean(),
  lastNodeId: Nullable(Type.String()),
  startedAt: Type.Integer(),
  updatedAt: Type.Integer(),
  endedAt: Nullable(Type.Integer()),
});
export type RunSummary = Static<typeof RunSummary>;

export const RunDetail = Type.Object({
  ...RunSummary.properties,
  /** The nodes entered, in order: the path to light on the version's canvas. */
  path: Type.Array(Type.String()),
  /** Customer messages, bot and agent replies of the run, with each reply's delivery status and error. */
  messages: Type.Array(ConversationMessage),
});
export type RunDetail = Static<typeof RunDetail>;

export const listRuns = apiRoute({
  method: 'GET',
  url: '/api/history',
  schema: {
    summary: 'Conversation history: runs of the flows, newest first, by flow, version, contact, outcome and date', tags, security: BEARER,
    querystring: Type.Object({
      flowId: Type.Optional(Type.String({ maxLength: 200 })),
      version: Type.Optional(VersionNumber),
      /** Part of the contact's number or name. */
      contact: Type.Optional(Type.String({ maxLength: 100 })),
      outcome: Type.Optional(Type.Unsafe<(typeof RUN_OUTCOMES)[number]>({ type: 'string', enum: RUN_OUTCOMES })),
      from: Type.Optional(Type.String({ format: 'date-time' })),
      to: Type.Optional(Type.String({ format: 'date-time' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    }, { additionalProperties: false }),
    response: { 200: Type.Array(RunSummary), ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT) },
  },
});

export const getRun = apiRoute({
  method: 'GET',
  url: '/api/history/:id',
  schema: {
    summary: "One run's transcript, statuses and path", tags, security: BEARER,
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    response: { 200: RunDetail, ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'conversation_not_found') },
  },
});
