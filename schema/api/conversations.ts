import { Type, type Static } from '@sinclair/typebox';
import { AnyObject, BEARER } from './common.ts';
import { CHECKED_INPUT, JSON_BODY, SIGNED_IN, errorResponses } from './errors.ts';
import { apiRoute } from './route.ts';

/** The inbox: live conversations waiting for a person, agent replies, and handing them back to the bot. */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** One line of a conversation's history; `id` is the turn's. */
export const ConversationMessage = Type.Object({
  id: Type.Integer(),
  direction: Type.Union([Type.Literal('in'), Type.Literal('bot'), Type.Literal('agent')]),
  /** In: the runtime InboundEvent. Out (bot, agent): the Graph API body sent; null once the outbox no longer has it. */
  body: Nullable(AnyObject),
  wamid: Nullable(Type.String()),
  outboxId: Nullable(Type.Integer()),
  /**
   * Where an outgoing message is in the outbox before WhatsApp reports on it: queued, in_flight, sent, failed,
   * held (the 24-hour window is closed: it goes once the customer writes again), not_sent (never to go: `error` says why).
   */
  outboxState: Nullable(Type.String()),
  /** Delivery of an outgoing message: sent, delivered, read, failed. */
  deliveryStatus: Nullable(Type.String()),
  errorCode: Nullable(Type.Integer()),
  /** Why the reply failed, is held or waits (Meta's error), shown next to it. */
  error: Nullable(Type.String()),
  /** An agent's reply: who wrote it (the name of their API token). */
  agent: Type.Optional(Type.String()),
  createdAt: Type.Integer(),
});
export type ConversationMessage = Static<typeof ConversationMessage>;

const STATUSES = ['active', 'handoff', 'ended', 'error'] as const;

export const Conversation = Type.Object({
  id: Type.Integer(),
  phoneNumberId: Type.String(),
  /** The contact's address: the phone number's digits, or their business-scoped user id when WhatsApp withholds the number. */
  waId: Type.String(),
  /** The contact's business-scoped user id (BSUID), once a message carried it. */
  userId: Nullable(Type.String()),
  /** The WhatsApp username the contact chose, if any. */
  username: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  flowId: Type.String(),
  flowVersion: Type.Integer(),
  status: Type.String(),
  lastUserMessageAt: Type.Integer(),
  updatedAt: Type.Integer(),
  /** Whether free-form messages go now (24-hour window); once closed an agent's message is held until the customer writes. */
  windowOpen: Type.Boolean(),
  /** When the conversation was handed to a person (ms since the epoch); null if not in handoff or not recorded. */
  handoffSince: Nullable(Type.Integer()),
  messages: Type.Array(ConversationMessage),
});
export type Conversation = Static<typeof Conversation>;

const ConversationParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['conversations'];

export const listConversations = apiRoute({
  method: 'GET',
  url: '/api/conversations',
  schema: {
    summary: 'Conversations by status (waiting for a person by default), with their recent history', tags, security: BEARER,
    querystring: Type.Object({
      status: Type.Optional(Type.Unsafe<(typeof STATUSES)[number]>({ type: 'string', enum: STATUSES, default: 'handoff' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    }, { additionalProperties: false }),
    response: { 200: Type.Array(Conversation), ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT) },
  },
});

export const replyToConversation = apiRoute({
  method: 'POST',
  url: '/api/conversations/:id/messages',
  schema: {
    summary: "An agent's reply, sent through the outbox", tags, security: BEARER,
    params: ConversationParams,
    body: Type.Object({
      text: Type.String({ minLength: 1, maxLength: 4096 }),
      /** The wamid of the customer's message this answers: WhatsApp shows it quoted above the reply. */
      replyTo: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    }, { additionalProperties: false }),
    response: {
      202: Type.Object({
        outboxId: Type.Integer(),
        /** The 24-hour window is closed: the message waits (outbox state `held`) and goes once the customer writes again. */
        held: Type.Boolean(),
        /** The fallback template queued before the held message to ask the customer back; null when none was. */
        fallbackOutboxId: Nullable(Type.Integer()),
      }),
      ...errorResponses(...SIGNED_IN, ...JSON_BODY, 'conversation_not_found', 'conversation_not_in_handoff'),
    },
  },
});

export const takeOverConversation = apiRoute({
  method: 'POST',
  url: '/api/conversations/:id/take-over',
  schema: {
    summary: 'A person takes a bot conversation over: it moves to handoff and the bot stays quiet', tags, security: BEARER,
    params: ConversationParams,
    response: {
      200: Conversation,
      ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'conversation_not_found', 'conversation_not_with_bot'),
    },
  },
});

export const resolveConversation = apiRoute({
  method: 'POST',
  url: '/api/conversations/:id/resolve',
  schema: {
    summary: 'Hand the conversation back to the bot: the handoff node continues from `resolved`', tags, security: BEARER,
    params: ConversationParams,
    response: {
      200: Type.Object({ status: Type.String(), messages: Type.Integer() }),
      ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'conversation_not_found', 'conversation_not_in_handoff'),
    },
  },
});
