import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError, fail } from '../errors.ts';
import { ADMIN_TOKEN_PRINCIPAL, type Role } from '../../schema/api/roles.ts';
import type { Principal } from './principal.ts';
import { sameTokenSecret } from './token-secret.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Who sent the request: CHARLA_ADMIN_TOKEN as is, else a stored (hashed) API token. */
export async function authenticate(request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') throw new AppError('missing_token');
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw new AppError('invalid_token', 'The Authorization header must be `Bearer <token>`');
  const { config, tokens } = request.server.charla;
  if (config.adminToken !== undefined && sameTokenSecret(token, config.adminToken)) {
    return { name: ADMIN_TOKEN_PRINCIPAL, role: 'admin', tokenId: null };
  }
  return (await tokens.principalFor(token)) ?? fail('invalid_token');
}

/**
 * A preHandler that lets the request through only with a token of one of these roles;
 * 401 without a valid token, 403 with the wrong role. Sets `request.principal`.
 * @example app.route({ ...publishDraft, preHandler: requireRole(permissions.publish), handler })
 */
export function requireRole(roles: readonly Role[]): preHandlerAsyncHookHandler {
  return async function checkRole(request) {
    const principal = await authenticate(request);
    if (!roles.includes(principal.role)) {
      throw new AppError('forbidden', `This needs the role ${roles.join(' or ')}; your token is ${principal.role}`, {
        role: principal.role,
        allowed: roles,
      });
    }
    request.principal = principal;
  };
}

/** The principal set by requireRole; a route without it is a programming error. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principalOf() on a route without requireRole');
  return request.principal;
}
