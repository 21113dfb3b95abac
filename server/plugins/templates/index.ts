import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listTemplates, syncTemplates } from '../../../schema/api/templates.ts';
import { permissions, requireRole } from '../../auth/index.ts';

/** The WhatsApp message templates of the bound numbers' business accounts: read by everyone, refreshed from Meta by those who edit flows. */
export const templatesPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { templates, now } = app.charla;

  app.route({
    ...listTemplates,
    preHandler: requireRole(permissions.read),
    handler: async (request) => templates.list(request.query.wabaId),
  });

  // The editor's «Actualizar plantillas»: analysts build the flows that use them, so they may refresh the list.
  app.route({
    ...syncTemplates,
    preHandler: requireRole(permissions.editDrafts),
    handler: async (request) => {
      const results = await templates.syncAll(now());
      for (const result of results.filter((one) => one.error !== undefined)) {
        request.log.warn({ wabaId: result.wabaId, error: result.error }, 'templates: Meta did not list the templates; the previous list is kept');
      }
      return { results, templates: await templates.list() };
    },
  });
};
