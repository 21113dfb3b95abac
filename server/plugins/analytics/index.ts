import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  exportFlowAnalytics, getFlowAnalytics, getFlowAnalyticsSeries, getRun, listRuns, type AnalyticsQuery, type RunSummary,
} from '../../../schema/api/analytics.ts';
import { permissions } from '../../../schema/api/roles.ts';
import { principalOf, requireRole } from '../../auth/require-role.ts';
import { AppError, fail } from '../../errors.ts';
import type { CounterRange, RunRow } from '../../live/analytics/analytics-store.ts';
import { hourOf } from '../../live/analytics/counters.ts';
import { buildReport, buildSeries, reportCsv, SERIES_METRICS } from '../../live/analytics/report.ts';
import { messagesOf } from '../../live/transcript.ts';

/** Turns of a run's transcript shown at most. */
const MAX_TRANSCRIPT_TURNS = 500;
const HOUR_MS = 3_600_000;

/**
 * Analytics of a flow version (counts, service figures, series, CSV) for admins and analysts, and
 * the conversation history for everyone signed in (testers see customers' numbers masked).
 * docs/analytics.md.
 */
export const analyticsPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { charla, live } = app;

  /** The version asked for (the live one by default), its node ids and the hours the range covers. */
  async function resolve(flowId: string, query: AnalyticsQuery): Promise<{ range: CounterRange; nodeIds: string[]; from: string | null; to: string | null }> {
    await charla.flows.requireFlow(flowId);
    const version = query.version ?? (await charla.flows.getLiveFlow(flowId))?.version
      ?? fail('flow_not_published', `Flow "${flowId}" has no live version: name one with ?version=N`);
    const document = await charla.flows.requireDocument(flowId, version);
    const from = query.from === undefined ? undefined : Date.parse(query.from);
    const to = query.to === undefined ? undefined : Date.parse(query.to);
    if (from !== undefined && to !== undefined && to < from) throw new AppError('bad_request', '`to` is before `from`');
    return {
      range: {
        flowId, version,
        ...(from === undefined ? {} : { fromHour: hourOf(from) }),
        // An hour counts when the range reaches into it.
        ...(to === undefined ? {} : { toHour: hourOf(to) === to ? to : hourOf(to) + HOUR_MS }),
      },
      nodeIds: document.nodes.map((node) => node.id),
      from: from === undefined ? null : new Date(from).toISOString(),
      to: to === undefined ? null : new Date(to).toISOString(),
    };
  }

  async function report(flowId: string, query: AnalyticsQuery) {
    const { range, nodeIds, from, to } = await resolve(flowId, query);
    return buildReport({ version: range.version, nodeIds, sums: await live.analytics.sums(range), from, to });
  }

  app.route({
    ...getFlowAnalytics,
    preHandler: requireRole(permissions.readAnalytics),
    handler: async (request) => report(request.params.id, request.query),
  });

  app.route({
    ...getFlowAnalyticsSeries,
    preHandler: requireRole(permissions.readAnalytics),
    handler: async (request) => {
      const { bucket = 'day', ...query } = request.query;
      const { range } = await resolve(request.params.id, query);
      return buildSeries(range.version, bucket, await live.analytics.hourly(range, SERIES_METRICS));
    },
  });

  app.route({
    ...exportFlowAnalytics,
    preHandler: requireRole(permissions.readAnalytics),
    handler: async (request, reply) => {
      const csv = reportCsv(await report(request.params.id, request.query));
      return reply.type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.id}-analytics.csv"`).send(csv);
    },
  });

  app.route({
    ...listRuns,
    preHandler: requireRole(permissions.read),
    handler: async (request) => {
      const { from, to, limit = 100, ...filter } = request.query;
      const rows = await live.analytics.runs({
        ...filter, limit,
        ...(from === undefined ? {} : { from: Date.parse(from) }),
        ...(to === undefined ? {} : { to: Date.parse(to) }),
      });
      const masked = principalOf(request).role === 'tester';
      return rows.map((row) => summary(row, masked));
    },
  });

  app.route({
    ...getRun,
    preHandler: requireRole(permissions.read),
    handler: async (request) => {
      const row = await live.analytics.run(request.params.id) ?? fail('conversation_not_found', `No conversation run ${request.params.id}`);
      const turns = await live.analytics.turns(row.conversationId, row.startedAt, row.endedAt, MAX_TRANSCRIPT_TURNS);
      const messages = (await Promise.all(turns.map((turn) => messagesOf(turn, live.store.conversations)))).flat();
      const masked = principalOf(request).role === 'tester';
      return {
        ...summary(row, masked), path: JSON.parse(row.path) as string[],
        messages: masked ? messages.map((message) => maskIn(message, row.waId)) : messages,
      };
    },
  });
};

function summary(row: RunRow, masked: boolean): RunSummary {
  const { path: _path, ...rest } = row;
  return masked ? { ...rest, waId: maskPhone(row.waId) } : rest;
}

/**
 * A phone number with its middle hidden (`5491•••••0123`): enough to tell customers apart, not to
 * call them. Testers see numbers this way.
 */
export function maskPhone(waId: string): string {
  if (waId.length <= 6) return '•'.repeat(waId.length);
  return `${waId.slice(0, 4)}${'•'.repeat(waId.length - 8 > 0 ? waId.length - 8 : 1)}${waId.slice(-4)}`;
}

/** The number masked wherever a message carries it (a reply's `to`, a shared contact). */
function maskIn<T>(message: T, waId: string): T {
  if (waId === '') return message;
  return JSON.parse(JSON.stringify(message).replaceAll(waId, maskPhone(waId))) as T;
}
