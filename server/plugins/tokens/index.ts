import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createToken, listTokens, revokeToken, whoAmI } from '../../../schema/api/tokens.ts';
import { permissions, principalOf, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';

/** API tokens (admin): the secret is in the creation response only; the database keeps its hash. */
export const tokensPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { tokens, now } = app.charla;

  app.route({
    ...createToken,
    preHandler: requireRole(permissions.manageTokens),
    handler: async (request, reply) => {
      const { name, role } = request.body;
      const created = await tokens.create({ name, role, createdBy: principalOf(request).name, now: now() });
      request.log.info({ tokenId: created.id, role }, 'token created');
      return reply.status(201).send({ id: created.id, name, role, token: created.token });
    },
  });

  app.route({
    ...whoAmI,
    preHandler: requireRole(permissions.read),
    handler: async (request) => {
      const { name, role } = principalOf(request);
      return { name, role };
    },
  });

  app.route({
    ...listTokens,
    preHandler: requireRole(permissions.manageTokens),
    handler: async () => await tokens.list(),
  });

  app.route({
    ...revokeToken,
    preHandler: requireRole(permissions.manageTokens),
    handler: async (request, reply) => {
      if (!await tokens.revoke(request.params.id, now())) throw new AppError('token_not_found');
      return reply.status(204).send(null);
    },
  });
};
