import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { diffVersions } from '../../../schema/api/versions.ts';
import { permissions, requireRole } from '../../auth/index.ts';
import { diffFlows } from '../../flows/diff-flows.ts';

/** GET /api/flows/:id/diff?from=A&to=B: nodes and edges added, removed and changed between two versions or the draft. */
export const diffPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { flows } = app.charla;
  app.route({
    ...diffVersions,
    preHandler: requireRole(permissions.read),
    handler: async (request) => {
      const { id } = request.params;
      const { from, to } = request.query;
      const side = (value: string) => (value === 'draft' ? 'draft' : Number(value));
      return { from, to, ...diffFlows(await flows.requireDocument(id, side(from)), await flows.requireDocument(id, side(to))) };
    },
  });
};
