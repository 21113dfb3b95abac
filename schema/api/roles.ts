import { Type, type Static } from '@sinclair/typebox';

/** Roles a bearer token carries (issue 4). `admin` may do everything. */
export const ROLES = ['analyst', 'tester', 'admin'] as const;
export const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)));
export type Role = Static<typeof RoleSchema>;

/**
 * The name of whoever signs in with CHARLA_ADMIN_TOKEN, as recorded on versions and tokens they create.
 * Stored rows keep it, so it stays as is: the editor shows it by a friendly, translated name.
 */
export const ADMIN_TOKEN_PRINCIPAL = 'admin (CHARLA_ADMIN_TOKEN)';

/**
 * The admin token `npm start` creates when there is none (its name, and who created it): stored like
 * any token's, shown by the editor in the UI language.
 */
export const FIRST_ADMIN_TOKEN = { name: 'admin (created by npm start)', createdBy: 'npm start' } as const;

/**
 * What each action needs: the server enforces it, the editor offers only what the role allows.
 * `analyst` edits drafts, `tester` runs simulations; analysts may simulate the draft they are
 * building too. Everyone signed in may read.
 */
export const permissions = {
  read: ['analyst', 'tester', 'admin'],
  editDrafts: ['analyst', 'admin'],
  simulate: ['analyst', 'tester', 'admin'],
  publish: ['admin'],
  manageChannels: ['admin'],
  manageTokens: ['admin'],
  /**
   * Take a conversation over from the bot, answer customers in handoff and hand them back (the
   * inbox). These reach real customers: testers read the inbox but never send.
   */
  answerConversations: ['analyst', 'admin'],
  /**
   * Start a conversation with a customer on a live flow (a template and initial variables): reaches real
   * customers like the inbox, so testers may not.
   */
  startConversations: ['analyst', 'admin'],
  /** Analytics of the live bots (counts, service figures, CSV export). Testers read the history with numbers masked instead. */
  readAnalytics: ['analyst', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;
