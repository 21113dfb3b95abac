import { WHATSAPP_LIMITS } from '../../schema/whatsapp-limits.ts';

/**
 * Every limit the outbound converter enforces: the ones validateFlow checks
 * before publishing (schema/whatsapp-limits.ts), plus those only a rendered
 * message can break (ids and row counts built at run time), docs/whatsapp.md §2.
 */
export const OUTBOUND_LIMITS = {
  ...WHATSAPP_LIMITS,
  replyButtonId: 256,
  listRows: 10,
  listRowId: 200,
} as const;
