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
  /** A template body (and URL-button) parameter: the body it fills may not pass 1,024 characters. */
  templateParameter: 1024,
  /** A text header's one parameter: the header is at most 60 characters. */
  templateHeaderParameter: 60,
  /** A reaction is one emoji; a few code points (skin tone, ZWJ sequences) make one. */
  reactionEmoji: 10,
  /** A shared location's name and address (Meta documents no limit; a WhatsApp message is 4,096). */
  locationText: 1024,
  sharedContacts: 5,
  contactName: 256,
} as const;
