import type { FastifyInstance } from 'fastify';

/**
 * GET /metrics: the live path's counters and turn-latency histogram in Prometheus text format.
 * Unauthenticated like most scrape targets; it holds counts only, no ids or secrets.
 */
export async function metricsPlugin(app: FastifyInstance): Promise<void> {
  app.get('/metrics', { schema: { response: { 200: { type: 'string' } } } }, async (_request, reply) =>
    reply.type('text/plain; version=0.0.4; charset=utf-8').send(app.live.metrics.exposition()));
}
