import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { health } from '../../schema/api/operations.ts';

/** GET /healthz: the process is up and SQLite answers. */
export const healthPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const ping = app.charla.sqlite.prepare('SELECT 1');
  app.route({
    ...health,
    handler: async () => {
      ping.get();
      return { status: 'ok' };
    },
  });
};
