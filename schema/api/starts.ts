import { Type, type Static } from '@sinclair/typebox';
import { ID_PATTERN, VARIABLE_PATTERN } from '../common.ts';
import { TemplateRef } from '../template-ref.ts';
import { BEARER, FlowIdParams } from './common.ts';
import { JSON_BODY, SIGNED_IN, errorResponses } from './errors.ts';
import { apiRoute } from './route.ts';

/** Starting conversations: the business writes first, with an approved template (docs/api.md, "Starting conversations"). */

/** A business-scoped user id (BSUID) as Meta writes it: `US.13491208655302741918`, `.ENT.` for a parent one. */
export const BSUID_PATTERN = '^[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,128}$';
/** A phone number as WhatsApp ids write it: the country code and number, digits only. */
export const PHONE_DIGITS_PATTERN = '^[0-9]{6,20}$';

/** Who to start: a phone number (digits with country code), a BSUID, or both. */
export const StartContact = Type.Object({
  phone: Type.Optional(Type.String({ pattern: PHONE_DIGITS_PATTERN, description: 'Digits with the country code, no `+`: `5491155550123`' })),
  userId: Type.Optional(Type.String({ pattern: BSUID_PATTERN, description: 'The business-scoped user id, for a user whose number is withheld' })),
  name: Type.Optional(Type.String({ maxLength: 256, description: 'Shown in the inbox and as {{contact.name}} until their profile name arrives' })),
}, { additionalProperties: false });

export const StartConversationBody = Type.Object({
  contact: StartContact,
  /**
   * The approved template sent first, written like `settings.fallbackTemplate`: its placeholders are
   * texts that may use {{variables}} (the initial ones and `contact.*`).
   */
  template: TemplateRef,
  /** The conversation's initial variables, e.g. `{ "pedido": "A-1043", "fecha": "martes 10" }`. */
  variables: Type.Optional(Type.Record(Type.String({ pattern: VARIABLE_PATTERN }), Type.Unknown(), { maxProperties: 100 })),
  /** The node the customer's reply goes to (a waiting node takes it as its answer); the flow's start node by default. */
  nodeId: Type.Optional(Type.String({ pattern: ID_PATTERN })),
  /** The business number to send from: needed only when the flow serves more than one. */
  phoneNumberId: Type.Optional(Type.String({ pattern: '^[0-9]{1,32}$' })),
}, { additionalProperties: false });
export type StartConversationBody = Static<typeof StartConversationBody>;

export const StartedConversation = Type.Object({
  conversationId: Type.Integer(),
  /** The outbox row of the template: it goes out paced within the number's sending rate. */
  outboxId: Type.Integer(),
  flowId: Type.String(),
  version: Type.Integer(),
  phoneNumberId: Type.String(),
  /** The node the customer's reply goes to. */
  nodeId: Type.String(),
});
export type StartedConversation = Static<typeof StartedConversation>;

/** Set (`true`) on the answer to a retry: an earlier request with the same idempotency key made the start. */
export const REPLAYED_HEADER = 'idempotent-replayed';

export const startConversation = apiRoute({
  method: 'POST',
  url: '/api/flows/:id/start',
  schema: {
    summary: 'Start a conversation with a customer: a template, then the flow', tags: ['conversations'], security: BEARER,
    description: 'Runs on the flow\'s live version from the number bound to it. The template is queued and sent paced within '
      + 'the number\'s rate; the customer\'s reply continues the flow at `nodeId`. With an `Idempotency-Key` header, the same key '
      + 'and body answer the same conversation again without a second start (with the header `Idempotent-Replayed: true`); the same key with another body is a 409 '
      + '`idempotency_key_reused`. A contact already in a conversation on the number is a 409 `conversation_in_progress`.',
    params: FlowIdParams,
    headers: Type.Object({
      'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'A key of the caller\'s choosing; retries with it never start twice' })),
    }),
    body: StartConversationBody,
    response: {
      202: StartedConversation,
      ...errorResponses(...SIGNED_IN, ...JSON_BODY, 'flow_not_found', 'node_not_found', 'channel_not_found', 'flow_not_published',
        'conversation_in_progress', 'idempotency_key_reused', 'start_template_invalid', 'channel_waba_missing', 'whatsapp_api_failed'),
    },
  },
});
