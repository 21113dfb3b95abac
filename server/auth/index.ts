export { requireRole, authenticate, principalOf } from './require-role.ts';
export { ROLES, permissions, type Role, type Principal, type Permission } from './roles.ts';
export { createTokenRepository, type TokenRepository, type TokenSummary } from './token-repository.ts';
export { newTokenSecret, hashTokenSecret } from './token-secret.ts';
