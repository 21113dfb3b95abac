import { Type, type Static } from '@sinclair/typebox';
import { BEARER } from './common.ts';
import { CHECKED_INPUT, JSON_BODY, SIGNED_IN, errorResponses } from './errors.ts';
import { RoleSchema } from './roles.ts';
import { apiRoute } from './route.ts';

/** API tokens (admin) and who the caller is. The secret is in the creation response only. */

export const TokenSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  createdBy: Type.String(),
  createdAt: Type.Integer(),
  revokedAt: Type.Union([Type.Integer(), Type.Null()]),
});
export type TokenSummary = Static<typeof TokenSummary>;

/** A token as it is created: the only time its secret is shown. */
export const CreatedToken = Type.Object({ id: Type.String(), name: Type.String(), role: RoleSchema, token: Type.String() });
export type CreatedToken = Static<typeof CreatedToken>;

export const Me = Type.Object({ name: Type.String(), role: RoleSchema });
export type Me = Static<typeof Me>;

const tags = ['tokens'];

export const createToken = apiRoute({
  method: 'POST',
  url: '/api/tokens',
  schema: {
    summary: 'Create an API token; its secret is shown once, in this response', tags, security: BEARER,
    body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), role: RoleSchema }, { additionalProperties: false }),
    response: {
      201: CreatedToken,
      ...errorResponses(...SIGNED_IN, ...JSON_BODY),
    },
  },
});

export const whoAmI = apiRoute({
  method: 'GET',
  url: '/api/me',
  schema: {
    summary: "Who the caller's token belongs to, so the editor can show what the role allows", tags, security: BEARER,
    response: { 200: Me, ...errorResponses(...SIGNED_IN) },
  },
});

export const listTokens = apiRoute({
  method: 'GET',
  url: '/api/tokens',
  schema: {
    summary: 'The API tokens, revoked ones included (never their secrets)', tags, security: BEARER,
    response: { 200: Type.Array(TokenSummary), ...errorResponses(...SIGNED_IN) },
  },
});

export const revokeToken = apiRoute({
  method: 'DELETE',
  url: '/api/tokens/:id',
  schema: {
    summary: 'Revoke an API token', tags, security: BEARER,
    params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
    response: { 204: Type.Null(), ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'token_not_found') },
  },
});
