/**
 * The WhatsApp Cloud API webhook as it arrives (docs/whatsapp.md §1). Every field is
 * optional where Meta may leave it out: the converters check before they read.
 */

export interface WebhookMedia {
  id: string;
  mime_type?: string;
  sha256?: string;
  caption?: string;
  /** Documents only. */
  filename?: string;
  /** Audio only: true for a voice note. */
  voice?: boolean;
}

export interface WebhookError {
  code: number;
  title?: string;
  message?: string;
  error_data?: { details?: string };
}

export interface WebhookInteractive {
  type: 'button_reply' | 'list_reply' | 'nfm_reply' | (string & {});
  button_reply?: { id: string; title: string };
  list_reply?: { id: string; title: string; description?: string };
  nfm_reply?: { name?: string; body?: string; response_json: string };
}

/** One item of `value.messages[]`. */
export interface WebhookMessage {
  /** The user's phone number; absent when WhatsApp withholds it (a user with a username). */
  from?: string;
  /** The user's business-scoped user id (BSUID), on every message since 2026. */
  from_user_id?: string;
  id: string;
  /** Unix seconds, as a string. */
  timestamp: string;
  type: string;
  context?: { from?: string; id?: string };
  referral?: Record<string, unknown>;
  errors?: WebhookError[];
  text?: { body: string };
  interactive?: WebhookInteractive;
  button?: { payload?: string; text: string };
  image?: WebhookMedia;
  video?: WebhookMedia;
  audio?: WebhookMedia;
  voice?: WebhookMedia;
  document?: WebhookMedia;
  sticker?: WebhookMedia & { animated?: boolean };
  location?: { latitude: number; longitude: number; name?: string; address?: string; url?: string };
  contacts?: unknown[];
  reaction?: { message_id: string; emoji?: string };
  system?: { body?: string; type?: string; wa_id?: string; new_wa_id?: string };
  order?: Record<string, unknown>;
}

/** One item of `value.statuses[]`. */
export interface WebhookStatus {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed' | 'played' | (string & {});
  timestamp: string;
  /** The phone number the message went to; absent when it was sent to a BSUID and the number is withheld. */
  recipient_id?: string;
  /** The BSUID the message went to. */
  recipient_user_id?: string;
  pricing?: Record<string, unknown>;
  conversation?: Record<string, unknown>;
  errors?: WebhookError[];
  /** Echoes the `biz_opaque_callback_data` of the send (≤ 512 characters). */
  biz_opaque_callback_data?: string;
}

export interface WebhookValue {
  messaging_product: 'whatsapp';
  metadata: { display_phone_number: string; phone_number_id: string };
  /** Who wrote: `wa_id` (phone, may be withheld), `user_id` (BSUID), the profile's name and username. */
  contacts?: Array<{ profile?: { name?: string; username?: string }; wa_id?: string; user_id?: string }>;
  messages?: WebhookMessage[];
  statuses?: WebhookStatus[];
  errors?: WebhookError[];
}

export interface WebhookChange {
  field: string;
  value: WebhookValue | Record<string, unknown>;
}

/** The whole POST body. */
export interface WebhookPayload {
  object: 'whatsapp_business_account' | (string & {});
  entry: Array<{ id: string; changes: WebhookChange[] }>;
}
