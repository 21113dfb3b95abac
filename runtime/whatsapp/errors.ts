/** Why an outbound message cannot be sent as is. The converters throw these rather than truncate. */
export const outboundErrorCatalogue = {
  empty: 'must not be empty',
  too_long: 'is longer than WhatsApp allows',
  too_many: 'has more items than WhatsApp allows',
  duplicate: 'repeats a value that must be unique',
  not_http_url: 'must be an http(s) URL',
  emoji: 'must not contain emoji',
  not_allowed: 'is not allowed on this kind of message',
  bad_recipient: 'must be a WhatsApp phone number (digits only) or business-scoped user id',
  not_registered: 'names a form not yet published as a WhatsApp Flow on the number\'s business account',
  out_of_range: 'is out of range',
  no_customer_message: 'needs the customer message it answers (a timer\'s turn answers none)',
} as const;

export type OutboundErrorCode = keyof typeof outboundErrorCatalogue;

/**
 * A message that breaks a WhatsApp limit. `field` is the Graph API path
 * (`interactive.action.buttons.1.reply.title`), `limit` the maximum when there is one.
 */
export class OutboundLimitError extends Error {
  override name = 'OutboundLimitError';

  constructor(
    readonly code: OutboundErrorCode,
    readonly field: string,
    readonly limit?: number,
    detail?: string,
  ) {
    super(`${field} ${outboundErrorCatalogue[code]}${limit === undefined ? '' : ` (at most ${limit})`}${detail ? `: ${detail}` : ''}`);
  }
}
