export { requireRole, authenticate, principalOf } from './require-role.ts';
export { ROLES, permissions, type Role, type Permission } from '../../schema/api/roles.ts';
export type { Principal } from './principal.ts';
export { createTokenRepository, type TokenRepository } from './token-repository.ts';
export { newTokenSecret, hashTokenSecret } from './token-secret.ts';
