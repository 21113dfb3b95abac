import type { FastifyInstance } from 'fastify';

/** GET /healthz: the process is up and SQLite answers. */
export async function healthPlugin(app: FastifyInstance): Promise<void> {
  const ping = app.charla.sqlite.prepare('SELECT 1');
  app.get('/healthz', {
    schema: {
      response: { 200: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] } },
    },
  }, async () => {
    ping.get();
    return { status: 'ok' };
  });
}
