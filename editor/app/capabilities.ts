import { permissions } from '../../schema/api/roles.ts';
import type { Role } from '../api/types.ts';

/** What the UI offers a role; the same table the server enforces (schema/api/roles.ts). */
export interface Capabilities {
  edit: boolean;
  simulate: boolean;
  publish: boolean;
  /** Invite people (API tokens) and connect WhatsApp numbers. */
  manageTeam: boolean;
  /** Take conversations over, message customers and hand them back (the inbox); testers only read. */
  answer: boolean;
  /** The analytics dashboard and the canvas's analytics mode; testers read the history only (numbers masked). */
  analytics: boolean;
}

export function capabilities(role: Role | null): Capabilities {
  const has = (allowed: readonly Role[]) => role !== null && allowed.includes(role);
  return {
    edit: has(permissions.editDrafts), simulate: has(permissions.simulate), publish: has(permissions.publish),
    manageTeam: has(permissions.manageTokens) && has(permissions.manageChannels), answer: has(permissions.answerConversations),
    analytics: has(permissions.readAnalytics),
  };
}
