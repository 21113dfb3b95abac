import type { OutboundErrorCode } from '../../runtime/whatsapp/errors.ts';
import type { Translate } from '../i18n/index.ts';
import type { messages } from './messages.ts';

/** The reason each runtime outbound code (runtime/whatsapp/errors.ts) gives, in the UI language. */
const REASON = {
  empty: 'reasonEmpty',
  too_long: 'reasonTooLong',
  too_many: 'reasonTooMany',
  duplicate: 'reasonDuplicate',
  not_http_url: 'reasonNotHttpUrl',
  emoji: 'reasonEmoji',
  not_allowed: 'reasonNotAllowed',
  bad_recipient: 'reasonBadRecipient',
  not_registered: 'reasonNotRegistered',
  out_of_range: 'reasonOutOfRange',
  no_customer_message: 'reasonNoCustomerMessage',
} as const satisfies Record<OutboundErrorCode, keyof (typeof messages)['es']>;

const isKnown = (code: string): code is OutboundErrorCode => Object.hasOwn(REASON, code);

/**
 * The simulator's line for a bot message that could not become a Graph API body: its reason by
 * code, and the Graph API field it names (the runtime's message starts with that path); the
 * runtime's own words only for a code the editor does not know.
 * @example undeliveredText({ code: 'too_long', message: 'interactive.action.buttons.1.reply.title is longer…' }, t)
 */
export function undeliveredText(problem: { code: string; message: string }, t: Translate<(typeof messages)['es']>): string {
  if (!isKnown(problem.code)) return problem.message;
  const field = /^[\w.]+(?= )/.exec(problem.message)?.[0];
  return `${t('undelivered', { reason: t(REASON[problem.code]) })}${field ? ` (${field})` : ''}`;
}
