import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { health } from '../../schema/api/operations.ts';

/** GET /healthz: the process is up and the database answers. */
export const healthPlugin: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...health,
    handler: async () => {
      await app.charla.database.ping();
      return { status: 'ok' };
    },
  });
};
