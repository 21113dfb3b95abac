import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { metrics } from '../../../schema/api/operations.ts';

/**
 * GET /metrics: the live path's counters and turn-latency histogram in Prometheus text format.
 * Unauthenticated like most scrape targets; it holds counts only, no ids or secrets.
 */
export const metricsPlugin: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...metrics,
    handler: async (_request, reply) =>
      reply.type('text/plain; version=0.0.4; charset=utf-8').send(app.live.metrics.exposition()),
  });
};
