import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ROLES, permissions, principalOf, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';

const Role = Type.Union(ROLES.map((role) => Type.Literal(role)));
const CreateTokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  role: Role,
}, { additionalProperties: false });
const TokenSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Role,
  createdBy: Type.String(),
  createdAt: Type.Integer(),
  revokedAt: Type.Union([Type.Integer(), Type.Null()]),
});
const TokenParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** API tokens (admin): the secret is in the creation response only; the database keeps its hash. */
export async function tokensPlugin(app: FastifyInstance): Promise<void> {
  const { tokens, now } = app.charla;

  app.post<{ Body: Static<typeof CreateTokenBody> }>('/api/tokens', {
    preHandler: requireRole(permissions.manageTokens),
    schema: {
      body: CreateTokenBody,
      response: { 201: Type.Object({ id: Type.String(), name: Type.String(), role: Role, token: Type.String() }) },
    },
  }, async (request, reply) => {
    const { name, role } = request.body;
    const created = tokens.create({ name, role, createdBy: principalOf(request).name, now: now() });
    request.log.info({ tokenId: created.id, role }, 'token created');
    return reply.status(201).send({ id: created.id, name, role, token: created.token });
  });

  // Who the caller's token belongs to, so the editor can show what the role allows.
  app.get('/api/me', {
    preHandler: requireRole(permissions.read),
    schema: { response: { 200: Type.Object({ name: Type.String(), role: Role }) } },
  }, async (request) => {
    const { name, role } = principalOf(request);
    return { name, role };
  });

  app.get('/api/tokens', {
    preHandler: requireRole(permissions.manageTokens),
    schema: { response: { 200: Type.Array(TokenSummary) } },
  }, async () => tokens.list());

  app.delete<{ Params: Static<typeof TokenParams> }>('/api/tokens/:id', {
    preHandler: requireRole(permissions.manageTokens),
    schema: { params: TokenParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    if (!tokens.revoke(request.params.id, now())) throw new AppError('token_not_found');
    return reply.status(204).send();
  });
}
